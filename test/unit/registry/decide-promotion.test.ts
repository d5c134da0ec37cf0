import { describe, expect, it } from "vitest";
import type { PublishedResult } from "../../../shared/src/publish/published-result-schema.js";
import { decidePromotion } from "../../../shared/src/registry/decide-promotion.js";
import type { PromotionEvidence } from "../../../shared/src/registry/promotion-evidence.js";

const MODEL = "a".repeat(64);
const PREDICTIONS = "b".repeat(64);
const LINEAGE = "c".repeat(64);
const OTHER = "d".repeat(64);
const DATA = "f".repeat(64);
const POLICY = { file: "modelgate.yml", sha256: "e".repeat(64), source: "base" as const };

function result(
  action: PublishedResult["action"],
  verdict: PublishedResult["verdict"],
  subject?: PublishedResult["subject"],
): PublishedResult {
  const check = {
    name: "x:min",
    metric: "x",
    rule: "min",
    verdict,
    value: 1,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message: "m",
  };
  return {
    schema: "modelgate.result/v1",
    action,
    key: "churn",
    verdict,
    checks: [check],
    notes: [],
    policy: POLICY,
    ...(subject ? { subject } : {}),
  };
}

const evidence = (overrides: Partial<PromotionEvidence>): PromotionEvidence => ({
  requiredChecks: [],
  results: [],
  artifacts: [
    { name: "model.bin", sha256: MODEL },
    { name: "predictions.csv", sha256: PREDICTIONS },
  ],
  manifest: {
    file: "out/modelgate.manifest.json",
    sha256: OTHER,
    lineage_sha256: LINEAGE,
    outputs: [{ path: "out/model.bin", sha256: MODEL }],
    inputs: [{ path: "data/train.csv", sha256: DATA }],
  },
  runUrl: "https://github.com/acme/models/actions/runs/7",
  model: "churn",
  ...overrides,
});

const verdicts = (decision: ReturnType<typeof decidePromotion>) => decision.checks.map((c) => [c.name, c.verdict]);

describe("decidePromotion", () => {
  it("refuses a commit nothing judged", () => {
    const decision = decidePromotion(evidence({}));
    expect(verdicts(decision)).toEqual([
      ["evidence:gated", "fail"],
      ["manifest:model.bin", "pass"],
    ]);
    expect(decision.checks[0]!.message).toMatch(/no require-checks and no results/);
  });

  it("passes green required checks and gate results whose subjects are the promoted files, and copies them into the record", () => {
    const decision = decidePromotion(
      evidence({
        requiredChecks: [
          {
            name: "modelgate evaluate-gate (churn)",
            ok: true,
            conclusion: "success",
            message: "ok",
            url: "https://github.com/acme/models/runs/1",
          },
        ],
        results: [
          {
            file: "train.json",
            result: result("train-reproducibly", "pass", {
              model: "churn",
              candidate_sha256: MODEL,
              manifest_lineage_sha256: LINEAGE,
            }),
          },
          {
            file: "evaluate.json",
            result: result("evaluate-gate", "warn", {
              model: "churn",
              candidate_sha256: PREDICTIONS,
              baseline_sha256: OTHER,
            }),
          },
          {
            file: "validate.json",
            result: result("validate-data", "pass", { model: "churn", eval_data_sha256: DATA }),
          },
        ],
      }),
    );
    expect(verdicts(decision)).toEqual([
      ["required-check:modelgate evaluate-gate (churn)", "pass"],
      ["gate:train-reproducibly/churn", "pass"],
      ["subject:train-reproducibly/churn", "pass"],
      ["gate:evaluate-gate/churn", "pass"],
      ["subject:evaluate-gate/churn", "pass"],
      ["gate:validate-data/churn", "pass"],
      ["subject:validate-data/churn", "pass"],
      ["manifest:model.bin", "pass"],
    ]);
    expect(decision.checks[6]!.message).toBe("validate.json: its evaluation data is manifest input data/train.csv.");
    expect(decision.checks[3]!.message).toBe("evaluate.json: evaluate-gate/churn passed with warnings (1).");
    expect(decision.checks[2]!.message).toBe(
      "train.json: its candidate is artifact model.bin; its lineage is the manifest's.",
    );
    expect(decision.gates.map((g) => [g.action, g.key, g.verdict, g.run_url])).toEqual([
      ["check", "modelgate evaluate-gate (churn)", "pass", "https://github.com/acme/models/runs/1"],
      ["evaluate-gate", "churn", "warn", "https://github.com/acme/models/actions/runs/7"],
      ["train-reproducibly", "churn", "pass", "https://github.com/acme/models/actions/runs/7"],
      ["validate-data", "churn", "pass", "https://github.com/acme/models/actions/runs/7"],
    ]);
    expect(decision.gates[1]!.subject).toEqual({
      model: "churn",
      candidate_sha256: PREDICTIONS,
      baseline_sha256: OTHER,
    });
    expect(decision.subject).toEqual({ model: "churn", candidate_sha256: MODEL, manifest_lineage_sha256: LINEAGE });
  });

  it("refuses a red or missing required check and a failed or undecided gate", () => {
    const undecided: PublishedResult = {
      schema: "modelgate.result/v1",
      action: "bias-check",
      key: "churn",
      verdict: "fail",
      checks: [],
      error: { message: "labels.csv does not exist", hint: "h" },
    };
    const decision = decidePromotion(
      evidence({
        requiredChecks: [
          {
            name: "tests",
            ok: false,
            conclusion: "failure",
            message: 'Check "tests" on aaaaaaa concluded failure; it must be success.',
            url: null,
          },
        ],
        results: [
          { file: "evaluate.json", result: result("evaluate-gate", "fail") },
          { file: "bias.json", result: undecided },
        ],
      }),
    );
    expect(verdicts(decision)).toEqual([
      ["required-check:tests", "fail"],
      ["gate:evaluate-gate/churn", "fail"],
      ["subject:evaluate-gate/churn", "fail"],
      ["gate:bias-check/churn", "fail"],
      ["subject:bias-check/churn", "fail"],
      ["manifest:model.bin", "pass"],
    ]);
    expect(decision.checks[3]!.message).toBe(
      "bias.json: bias-check/churn could not decide (labels.csv does not exist).",
    );
    expect(decision.gates[0]).toMatchObject({ action: "bias-check", verdict: "fail" });
    expect(decision.gates.find((g) => g.action === "check")).toMatchObject({ verdict: "failure" });
  });

  it("refuses results that judged other files or another lineage", () => {
    const decision = decidePromotion(
      evidence({
        results: [
          {
            file: "evaluate.json",
            result: result("evaluate-gate", "pass", { model: "churn", candidate_sha256: OTHER }),
          },
          {
            file: "train.json",
            result: result("train-reproducibly", "pass", { model: "churn", manifest_lineage_sha256: OTHER }),
          },
        ],
      }),
    );
    expect(verdicts(decision)).toContainEqual(["subject:evaluate-gate/churn", "fail"]);
    expect(verdicts(decision)).toContainEqual(["subject:train-reproducibly/churn", "fail"]);
    expect(decision.checks.find((c) => c.name === "subject:train-reproducibly/churn")!.message).toBe(
      `train.json: it judged lineage sha256:dddddddddddd, the manifest's is sha256:cccccccccccc: it judged something else than what is promoted.`,
    );
  });

  it("refuses a hand-written pass that names no subject or no checks, which judged nothing", () => {
    const forged: PublishedResult = {
      schema: "modelgate.result/v1",
      action: "evaluate-gate",
      key: "default",
      verdict: "pass",
      checks: [],
      notes: [],
      policy: POLICY,
    };
    const decision = decidePromotion(evidence({ results: [{ file: "eval.json", result: forged }] }));
    expect(verdicts(decision)).toEqual([
      ["gate:evaluate-gate/default", "fail"],
      ["subject:evaluate-gate/default", "fail"],
      ["manifest:model.bin", "pass"],
    ]);
    expect(decision.checks[0]!.message).toBe(
      "eval.json: evaluate-gate/default has no checks (its checks field is empty); a pass that judged nothing is no evidence.",
    );
    expect(decision.checks[1]!.message).toBe(
      "eval.json: its subject field is missing (the digests of the files it judged), so nothing says it judged the files promoted; it is no evidence.",
    );
  });

  it("refuses a subject whose digests tie it to nothing promoted (a model name, a baseline, unknown data)", () => {
    const results = [
      { file: "shadow.json", result: result("shadow-compare", "pass", { model: "churn" }) },
      {
        file: "bias.json",
        result: result("bias-check", "pass", { model: "churn", eval_data_sha256: OTHER, baseline_sha256: MODEL }),
      },
    ];
    const decision = decidePromotion(evidence({ results }));
    expect(verdicts(decision)).toEqual([
      ["gate:shadow-compare/churn", "pass"],
      ["subject:shadow-compare/churn", "fail"],
      ["gate:bias-check/churn", "pass"],
      ["subject:bias-check/churn", "fail"],
      ["manifest:model.bin", "pass"],
    ]);
    expect(decision.checks[3]!.message).toBe(
      "bias.json: no digest of its subject (eval_data_sha256 sha256:dddddddddddd, baseline_sha256 sha256:aaaaaaaaaaaa) is a promoted artifact or in the manifest, so nothing ties it to the files promoted; it is no evidence.",
    );
    // Predictions promoted beside the model bind the bias check that judged them.
    const bound = decidePromotion(
      evidence({
        results: [
          {
            file: "bias.json",
            result: result("bias-check", "pass", { model: "churn", eval_data_sha256: PREDICTIONS }),
          },
        ],
      }),
    );
    expect(bound.checks.find((c) => c.name === "subject:bias-check/churn")).toMatchObject({
      verdict: "pass",
      message: "bias.json: its evaluation data is artifact predictions.csv.",
    });
  });

  it("refuses a lineage subject when no manifest is promoted", () => {
    const decision = decidePromotion(
      evidence({
        manifest: null,
        results: [
          {
            file: "train.json",
            result: result("train-reproducibly", "pass", { model: "churn", manifest_lineage_sha256: LINEAGE }),
          },
        ],
      }),
    );
    expect(verdicts(decision)).toEqual([
      ["gate:train-reproducibly/churn", "pass"],
      ["subject:train-reproducibly/churn", "fail"],
    ]);
  });

  it("refuses an artifact whose digest differs from the manifest's, and artifacts the manifest does not list", () => {
    const gated = { requiredChecks: [{ name: "tests", ok: true, conclusion: "success", message: "ok", url: null }] };
    const tampered = decidePromotion(evidence({ ...gated, artifacts: [{ name: "model.bin", sha256: OTHER }] }));
    expect(verdicts(tampered)).toEqual([
      ["required-check:tests", "pass"],
      ["manifest:model.bin", "fail"],
    ]);
    expect(tampered.checks[1]!.message).toBe(
      "Artifact model.bin is sha256:dddddddddddd but out/modelgate.manifest.json records out/model.bin as sha256:aaaaaaaaaaaa: it is not the file training produced.",
    );
    const unlisted = decidePromotion(evidence({ ...gated, artifacts: [{ name: "weights.pt", sha256: MODEL }] }));
    expect(verdicts(unlisted)).toEqual([
      ["required-check:tests", "pass"],
      ["manifest:outputs", "fail"],
    ]);
  });

  it("refuses two results for the same gate", () => {
    const twice = [
      { file: "a.json", result: result("evaluate-gate", "pass") },
      { file: "b.json", result: result("evaluate-gate", "fail") },
    ];
    expect(() => decidePromotion(evidence({ results: twice }))).toThrow(
      "Results a.json and b.json are both for evaluate-gate/churn.",
    );
  });
});
