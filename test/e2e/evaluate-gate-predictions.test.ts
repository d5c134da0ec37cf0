import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";
import type { BundleRun } from "./support/run-action-bundle.js";

// The SciPy oracle's paired predictions (test/unit/stats/fixtures/SOURCE.md). scikit-learn 1.2.1 reference values
// (reference-values.json): candidate accuracy 0.755, roc_auc 0.82775; baseline accuracy 0.69, roc_auc 0.78301.
const ORACLE = readFileSync(path.join(repoRoot, "test/unit/stats/fixtures/paired_predictions.csv"), "utf8");
const HEADER = ORACLE.slice(0, ORACLE.indexOf("\n"));
/** The oracle with one model's columns renamed to pred/score, as each model's own predictions file. */
const forModel = (model: string) =>
  HEADER.replace(`${model}_pred`, "pred").replace(`${model}_score`, "score") + ORACLE.slice(HEADER.length);

const policy = (accuracyMin: number, rocAucImprovement: number) => `version: 1
model: churn-classifier
evaluate:
  metrics:
    accuracy: { direction: higher, min: ${accuracyMin}, max-regression: 0 }
    roc_auc:  { direction: higher, min-improvement: ${rocAucImprovement} }
`;
// roc_auc improves by 0.82775 - 0.78301 = 0.04474; accuracy is 0.755.
const PASSING = policy(0.75, 0.04);
const FAILING = policy(0.76, 0.05);
// The evaluation data without the models' outputs (the canonical text of the examples digest; no id column: file order).
const EXAMPLES = `modelgate.examples/v1\nclassification\npositive\t1\nnegative\t0\n${ORACLE.trim()
  .split("\n")
  .slice(1)
  .map((line) => `\t${line.split(",")[0]}\n`)
  .join("")}`;
const COLUMNS = { "label-column": "y_true", "prediction-column": "pred", "score-column": "score" };

function makeWorkspace(files: Record<string, string>): string {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-predictions-"));
  const all = { "candidate.csv": forModel("candidate"), "baseline.csv": forModel("baseline"), ...files };
  for (const [name, content] of Object.entries(all)) writeFileSync(path.join(workspace, name), content);
  return workspace;
}

const errors = (run: BundleRun) => run.commands.filter((c) => c.command === "error");

describe.each(nodeBinaries())("evaluate-gate bundle given predictions on $label", ({ path: node }) => {
  const run = (files: Record<string, string>, inputs: Record<string, string>) =>
    runActionBundle("evaluate-gate", {
      node,
      workspace: makeWorkspace(files),
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { "github-token": "ghs_test_write", ...inputs },
    });
  const predictionsRun = (modelgate: string, inputs: Record<string, string> = {}) =>
    run(
      { "modelgate.yml": modelgate },
      { "candidate-predictions": "candidate.csv", "baseline-predictions": "baseline.csv", ...COLUMNS, ...inputs },
    );

  it("passes when accuracy and roc_auc computed from the predictions hold every rule", async () => {
    const result = await predictionsRun(PASSING);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: "pass", passed: "true" });
    expect(errors(result)).toEqual([]);
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.subject).toMatchObject({
      model: "churn-classifier",
      candidate_sha256: createHash("sha256").update(forModel("candidate")).digest("hex"),
      eval_data_sha256: createHash("sha256").update(EXAMPLES).digest("hex"),
    });
    expect(json.files).toEqual({
      candidate: "candidate.csv",
      baseline: "baseline.csv",
      candidate_predictions: "candidate.csv",
      baseline_predictions: "baseline.csv",
    });
    const accuracy = json.checks.find((c: { name: string }) => c.name === "accuracy:min");
    expect(accuracy.value).toBeCloseTo(0.755, 12);
    expect(accuracy.baseline).toBeCloseTo(0.69, 12);
    const rocAuc = json.checks.find((c: { name: string }) => c.name === "roc_auc:min-improvement");
    expect(rocAuc.value).toBeCloseTo(0.8277510987287737, 12);
    expect(rocAuc.baseline).toBeCloseTo(0.7830117591472481, 12);
    expect(result.summary).toContain("Metrics computed from classification predictions");
  });

  it("fails the step on the rules the reference values break when the bounds are tighter", async () => {
    const result = await predictionsRun(FAILING);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: "fail", passed: "false" });
    expect(errors(result).map((e) => e.properties.title)).toEqual([
      "evaluate-gate · accuracy:min",
      "evaluate-gate · roc_auc:min-improvement",
    ]);
  });

  it("fails with one error naming the file and label-column when the label column is missing", async () => {
    const result = await predictionsRun(PASSING, { "label-column": "" });
    expect(result.exitCode).toBe(1);
    const problems = errors(result);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('Input "candidate-predictions": candidate.csv has no label column "label"');
    expect(problems[0]!.message).toMatch(/ Fix: Set label-column to the column of true labels/);
  });

  it("fails naming both inputs when neither candidate nor candidate-predictions is set", async () => {
    const result = await run({ "modelgate.yml": PASSING, "b.json": '{"accuracy": 0.7}' }, { baseline: "b.json" });
    expect(result.exitCode).toBe(1);
    const problems = errors(result);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('Inputs "candidate" and "candidate-predictions" are both empty');
    expect(problems[0]!.message).toMatch(/ Fix: Set candidate .* or candidate-predictions/);
  });

  it("fails naming the metric and both files when a metric comes from the metrics file and the predictions", async () => {
    const result = await run(
      { "modelgate.yml": PASSING, "c.json": '{"accuracy": 0.9}' },
      { candidate: "c.json", "candidate-predictions": "candidate.csv", ...COLUMNS },
    );
    expect(result.exitCode).toBe(1);
    const problems = errors(result);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(
      'Metric "accuracy" is both in c.json (input "candidate") and computed from candidate.csv (input "candidate-predictions")',
    );
  });
});
