import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvaluateFiles, type EvaluateFileInputs } from "../../../shared/src/use-cases/load-evaluate-files.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import type { EvaluateCheck } from "../../../shared/src/evaluate/gate-result.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { computePrecision } from "../../../shared/src/stats/precision.js";
import { computeR2Score } from "../../../shared/src/stats/r2-score.js";
import { edgeCases } from "../stats/support/fixtures.js";

// scikit-learn 1.2.1 returns numbers where these metrics are undefined (make_edge_case_reference_values.py):
// precision_score with no predicted positive → 0.0 with UndefinedMetricWarning; r2_score of constant labels → 0.0,
// or 1.0 for perfect predictions. modelgate leaves them undefined, so a rule on them cannot decide.
const undefinedCases = edgeCases.undefined;
const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };

function csv(columns: Record<string, readonly (number | string)[]>): string {
  const names = Object.keys(columns);
  const rows = columns[names[0]!]!.map((_, i) => names.map((name) => String(columns[name]![i])).join(","));
  return [names.join(","), ...rows].join("\n") + "\n";
}

async function judge(policyText: string, files: Record<string, string>, inputs: EvaluateFileInputs) {
  const workspace = mkdtempSync(path.join(tmpdir(), "mg-undefined-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(workspace, name), content);
  const loaded = await loadEvaluateFiles(inputs, { workspace, allowedRoots: [workspace] });
  const policy = parsePolicy(`version: 1\nevaluate:\n${policyText}`, "modelgate.yml");
  return evaluateGate({ ...loaded, policy, policyProvenance: provenance });
}
const check = (checks: EvaluateCheck[], name: string) =>
  checks.find((c) => c.name === name) ?? expect.fail(`no check ${name}`);

const precisionCase = undefinedCases.precision_no_predicted_positive;
const r2Case = undefinedCases.r2_constant_labels;
const never = csv({ label: precisionCase.y_true, prediction: precisionCase.y_pred });
const truthful = csv({ label: precisionCase.y_true, prediction: precisionCase.y_true });

describe("evaluateGate on metrics the predictions leave undefined", () => {
  it("cannot decide a precision rule when the candidate predicts no positive, where scikit-learn reports 0", async () => {
    expect(precisionCase).toMatchObject({ value: 0, warning: "UndefinedMetricWarning" });
    expect(computePrecision(precisionCase.y_true, precisionCase.y_pred).ok).toBe(false);
    const result = await judge(
      "  metrics:\n    precision: { direction: higher, min: 0.5 }\n",
      { "c.csv": never },
      { candidatePredictions: "c.csv" },
    );
    const precision = check(result.checks, "precision:min");
    expect(precision).toMatchObject({ verdict: "fail", value: null });
    expect(precision.message).toBe(
      "The candidate's precision cannot be computed from c.csv: precision of label 1 is undefined: no example is predicted as 1 " +
        "(scikit-learn reports 0 with an UndefinedMetricWarning), so the gate cannot decide. Fix: Remove this rule, or evaluate on examples where precision is defined.",
    );
    expect(result.verdict).toBe("fail");
  });

  it("cannot decide a baseline rule when the baseline's precision is undefined, instead of warning 'no baseline'", async () => {
    const result = await judge(
      "  metrics:\n    precision: { direction: higher, max-regression: 0.05 }\n",
      { "c.csv": truthful, "b.csv": never },
      { candidatePredictions: "c.csv", baselinePredictions: "b.csv" },
    );
    const precision = check(result.checks, "precision:max-regression");
    expect(precision).toMatchObject({ verdict: "fail", value: 1, baseline: null });
    expect(precision.message).toMatch(
      /^The baseline's precision cannot be computed from b\.csv: .*, so the change cannot be measured and the gate cannot decide\./,
    );
  });

  it("cannot decide an r2 rule on constant labels, where scikit-learn reports 0.0 (1.0 for perfect predictions)", async () => {
    expect([r2Case.value, undefinedCases.r2_constant_labels_perfect.value]).toEqual([0, 1]);
    expect(computeR2Score(r2Case.y_true, r2Case.y_pred).ok).toBe(false);
    const files = { "c.csv": csv({ label: r2Case.y_true, prediction: r2Case.y_pred }) };
    const result = await judge(
      "  metrics:\n    r2: { direction: higher, min: 0.5 }\n    mae: { direction: lower, max: 1 }\n",
      files,
      { candidatePredictions: "c.csv", task: "regression" },
    );
    expect(check(result.checks, "r2:min")).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(
        /^The candidate's r2 cannot be computed from c\.csv: R² is undefined: every true value is the same.*scikit-learn reports 1\.0 for perfect predictions and 0\.0 otherwise\), so the gate cannot decide\./,
      ),
    });
    // Metrics that are defined still decide.
    expect(check(result.checks, "mae:max").verdict).toBe("pass");
  });

  it("keeps a metrics file's own value over an undefined computed one", async () => {
    const result = await judge(
      "  metrics:\n    precision: { direction: higher, min: 0.5 }\n",
      { "c.csv": never, "c.json": '{"precision": 0.7}' },
      { candidate: "c.json", candidatePredictions: "c.csv" },
    );
    expect(check(result.checks, "precision:min")).toMatchObject({ verdict: "pass", value: 0.7 });
  });

  it("cannot decide a slice's precision rule when the slice has no predicted positive", async () => {
    const labels = [1, 0, 1, 0, 1, 0, 1, 0];
    const files = {
      "c.csv": csv({
        label: labels,
        prediction: [1, 0, 1, 0, 0, 0, 0, 0],
        region: ["eu", "eu", "eu", "eu", "us", "us", "us", "us"],
      }),
    };
    const policy =
      "  slices:\n    - column: region\n      min-size: 1\n  metrics:\n    precision: { direction: higher, min: 0.5 }\n";
    const result = await judge(policy, files, { candidatePredictions: "c.csv", sliceColumns: ["region"] });
    expect(check(result.checks, "precision:min[region=eu]").verdict).toBe("pass");
    expect(check(result.checks, "precision:min[region=us]")).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(
        /^The candidate's precision cannot be computed from c\.csv \[region=us\]: precision of label 1 is undefined/,
      ),
    });
  });
});
