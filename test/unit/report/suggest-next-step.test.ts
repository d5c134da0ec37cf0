import { describe, expect, it } from "vitest";
import type { Check } from "../../../shared/src/core/check.js";
import { parseMetricsText } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { judgeSignificance } from "../../../shared/src/evaluate/judge-significance.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { escapeMarkdown } from "../../../shared/src/report/escape-markdown.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { renderEvaluateText } from "../../../shared/src/report/render-evaluate-text.js";
import { checkRollbackEnvironment } from "../../../shared/src/registry/check-rollback-environment.js";
import type { StageRules } from "../../../shared/src/registry/stage-rules.js";
import {
  suggestBiasStep,
  suggestEvaluateStep,
  suggestRegistryStep,
} from "../../../shared/src/report/suggest-next-step.js";

const check = (fields: Partial<Check>): Check => ({
  name: "demographic_parity_ratio:min",
  metric: "demographic_parity_ratio",
  rule: "min",
  verdict: "fail",
  value: 0.7,
  baseline: null,
  delta: null,
  delta_pct: null,
  threshold: 0.8,
  message: "0.7 is below 0.8.",
  ...fields,
});

describe("suggestBiasStep", () => {
  it("points to the groups tables below when the report has them", () => {
    expect(suggestBiasStep(check({}))).toMatch(/^Look at the worst groups below: /);
    expect(suggestBiasStep(check({ verdict: "warn" }))).toBe(
      "Review the worst groups below; a warning does not block.",
    );
  });

  it("points to bias-check's own report when the report has no groups tables", () => {
    const failed = suggestBiasStep(check({}), undefined, false);
    const warned = suggestBiasStep(check({ verdict: "warn" }), undefined, false);
    for (const step of [failed, warned]) {
      expect(step).not.toMatch(/below/);
      expect(step).toMatch(/the worst groups in bias-check's own report \(its job summary\)/);
    }
  });
});

describe("suggestEvaluateStep", () => {
  const slid = check({ metric: "auc", rule: "max-below-median", value: 0.81, baseline: 0.84 });

  it("points to the history table when the report has one", () => {
    expect(suggestEvaluateStep(slid, "modelgate.yml")).toMatch(/^Compare with the versions in the history table: auc /);
  });

  it("points to evaluate-gate's own report when the report has no history table", () => {
    expect(suggestEvaluateStep(slid, "modelgate.yml", undefined, false)).toMatch(
      /^Compare with the versions in the history table of evaluate-gate's own report \(its job summary\): auc /,
    );
  });
});

describe("suggestEvaluateStep for a rule the gate could not apply", () => {
  const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };
  const policy = parsePolicy(
    "version: 1\nmodel: churn\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.01 }\n",
    "modelgate.yml",
  );
  // A registry version promoted with neither the metric nor its evaluation predictions.
  const unfed = evaluateGate({
    policy,
    policyProvenance: provenance,
    candidate: parseMetricsText('{"accuracy": 0.92}', "c.json", "c".repeat(64), "candidate"),
    baseline: { name: "registry:churn#production (v1.2.0)", sha256: "r".repeat(64), values: new Map() },
    registryBaseline: { label: "registry:churn#production (v1.2.0)", predictions: "none" },
  });
  const promoteWithPredictions =
    "Promote versions with their evaluation predictions (promote's predictions input) so a registry: baseline can compute accuracy, or set evaluate.on-missing-baseline: warn.";

  it("gives the fix its reason names, not a retrain, in the comment's table and the terminal", () => {
    const [failed] = unfed.checks;
    expect(failed).toMatchObject({ name: "accuracy:max-regression", verdict: "fail", baseline: null });
    expect(suggestEvaluateStep(failed!, "modelgate.yml", (text) => text)).toBe(promoteWithPredictions);
    const markdown = renderEvaluateMarkdown(unfed);
    expect(markdown).toContain(`| max-regression 0.01 | ${escapeMarkdown(promoteWithPredictions, 400)} |`);
    expect(markdown).not.toContain("Find what made accuracy worse");
    expect(renderEvaluateText(unfed)).toContain(`      do:  ${promoteWithPredictions}\n`);
  });

  it("keeps a long fix whole, as the reason is kept", () => {
    const long = check({ rule: "max-regression", message: `Cannot apply. Fix: ${"Promote it. ".repeat(25)}` });
    expect(suggestEvaluateStep(long, "modelgate.yml")).toBe(escapeMarkdown("Promote it. ".repeat(25), 400));
    expect(suggestEvaluateStep(long, "modelgate.yml").length).toBeGreaterThan(200);
  });

  it("asks for both models' predictions when a significance rule had no paired data", () => {
    const plain = { ...unfed.checks[0]!, baseline: 0.9, message: "" };
    const [undecided] = judgeSignificance(
      [
        {
          check: plain,
          rules: { direction: "higher", "max-regression": 0.01, significance: 0.05 },
          kind: "max-regression",
          metric: "accuracy",
          data: { missing: "it compares both models on the same examples, so it needs baseline-predictions." },
        },
      ],
      { seed: 0, resamples: 999 },
      0.05,
    ).checks;
    expect(undecided).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(/^significance: 0\.05 cannot be decided: /),
    });
    expect(suggestEvaluateStep(undecided!, "modelgate.yml")).toBe(
      "Give both models' predictions of the same examples (candidate-predictions, and baseline-predictions or a registry: version promoted with its predictions), with scores where the metric needs them; or remove significance from the rule in modelgate.yml on the base branch.",
    );
  });

  it("still points a measured regression at what made the metric worse", () => {
    const regressed = check({ metric: "accuracy", rule: "max-regression", value: 0.8, baseline: 0.9 });
    expect(suggestEvaluateStep(regressed, "modelgate.yml")).toMatch(/^Find what made accuracy worse than the baseline/);
  });
});

describe("suggestRegistryStep", () => {
  it("sends a rollback refused outside its environment to the approved workflow, not to the gates", () => {
    const rules: StageRules = {
      stage: "production",
      source: "modelgate.yml",
      unlisted: null,
      require: [],
      checks: [],
      rollbackEnvironment: "production",
    };
    const refused = checkRollbackEnvironment(rules, { unavailable: "a command line cannot show" })!;
    expect(refused).toMatchObject({ rule: "rollback-environment", verdict: "fail" });
    expect(suggestRegistryStep(refused)).toBe(
      "Run the rollback from a workflow job in the environment the policy names, with required reviewers (as workflows-examples/manual-rollback.yml does), and have a reviewer approve the run.",
    );
  });
});
