import { describe, expect, it } from "vitest";
import type { Predictions } from "../../../shared/src/data/predictions/predictions.js";
import { computeEvaluatePlots } from "../../../shared/src/evaluate/compute-evaluate-plots.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { parseMetricsText } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { selectPolicy } from "../../../shared/src/policy/select-policy.js";
import { computeRocAuc } from "../../../shared/src/stats/roc-auc.js";

function predictions(labels: number[], scores: number[] | undefined): Predictions {
  return {
    task: "classification",
    input: "candidate-predictions",
    name: "c.csv",
    sha256: "0".repeat(64),
    rows: labels.length,
    labels: Float64Array.from(labels),
    predictions: Float64Array.from(scores ?? labels, (s) => (s >= 0.5 ? 1 : 0)),
    ...(scores && { scores: Float64Array.from(scores) }),
    warnings: [],
    positiveLabel: "yes",
    classesFrom: "score ≥ 0.5",
  };
}

describe("computeEvaluatePlots", () => {
  it("reads both curves on the 21-point grid, from (0, 0) to (1, 1) for ROC, with the AUC roc_auc reports", () => {
    const labels = [0, 0, 1, 1, 0, 1, 0, 1];
    const scores = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.55];
    const plots = computeEvaluatePlots({ candidate: predictions(labels, scores) });
    if (plots.task !== "classification") throw new Error("expected classification plots");
    expect(plots.grid).toHaveLength(21);
    expect(plots.roc!.candidate.values.at(-1)).toBe(1);
    expect(plots.roc!.candidate.area).toBe((computeRocAuc(labels, scores) as { value: number }).value);
    expect(plots.precision_recall!.candidate.values[0]).toBe(1);
    expect(plots.confusion.candidate).toEqual({ tn: 3, fp: 1, fn: 1, tp: 3 });
    expect(plots.positive_label).toBe("yes");
    expect(plots.reliability!.candidate.counts.reduce((s, n) => s + n, 0)).toBe(8);
  });

  it("leaves out the curves and says why when every label is one class, keeping the confusion matrix", () => {
    const plots = computeEvaluatePlots({ candidate: predictions([0, 0, 0], [0.2, 0.7, 0.4]) });
    if (plots.task !== "classification") throw new Error("expected classification plots");
    expect(plots.roc).toBeUndefined();
    expect(plots.precision_recall).toBeUndefined();
    expect(plots.grid).toBeUndefined();
    expect(plots.omitted).toEqual([
      expect.stringContaining("No ROC curve"),
      expect.stringContaining("No precision–recall curve"),
    ]);
    expect(plots.confusion.candidate).toEqual({ tn: 2, fp: 1, fn: 0, tp: 0 });
  });

  it("is absent from a gate on metrics files alone, so its result JSON is unchanged", () => {
    const selected = selectPolicy({
      file: "modelgate.yml",
      mode: "file",
      head: { text: "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n", sha256: "s" },
    });
    const candidate = parseMetricsText('{"accuracy": 0.9}', "c.json", "s", "candidate");
    const result = evaluateGate({ policy: selected.policy, policyProvenance: selected.provenance, candidate });
    expect("plots" in result).toBe(false);
  });
});
