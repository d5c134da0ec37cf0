import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PredictionColumnNames, PredictionTask } from "../../../shared/src/data/predictions/predictions.js";
import { readPredictions } from "../../../shared/src/data/predictions/read-predictions.js";
import { computePredictionMetrics } from "../../../shared/src/evaluate/compute-prediction-metrics.js";
import { expectRelative, reference } from "../stats/support/fixtures.js";

// The oracle's paired predictions and scikit-learn 1.2.1 values from make_reference_values.py (../stats/fixtures).
const oracleFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../stats/fixtures");
const readOracle = (task: PredictionTask, columns: Partial<PredictionColumnNames>, positiveLabel?: string) =>
  readPredictions(
    "paired_predictions.csv",
    { workspace: oracleFolder, allowedRoots: [oracleFolder] },
    {
      input: "predictions",
      task,
      columns,
      ...(positiveLabel !== undefined && { positiveLabel }),
    },
  );

const workspace = mkdtempSync(path.join(tmpdir(), "mg-prediction-metrics-"));
const readTemp = (name: string, content: string, task: PredictionTask = "classification") => {
  writeFileSync(path.join(workspace, name), content);
  return readPredictions(name, { workspace, allowedRoots: [workspace] }, { input: "predictions", task });
};

/** Expects exactly `expected` (metric → reference value) to relative tolerance 1e-12. */
function expectMetrics(metrics: Map<string, number>, expected: Record<string, number>): void {
  expect([...metrics.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) expectRelative(metrics.get(name) ?? NaN, value, 1e-12);
}

describe("computePredictionMetrics", () => {
  it.each(["baseline", "candidate"] as const)(
    "matches sklearn's classification metrics to 1e-12 when given the %s model's oracle predictions and scores",
    async (model) => {
      const predictions = await readOracle("classification", {
        label: "y_true",
        prediction: `${model}_pred`,
        score: `${model}_score`,
      });
      const expected = reference.classification[model];
      const { metrics, skipped } = computePredictionMetrics(predictions);
      expect(skipped).toEqual([]);
      expectMetrics(metrics, {
        accuracy: expected.accuracy, // accuracy_score(y_true, y_pred)
        precision: expected.precision_pos1, // precision_score(y_true, y_pred, pos_label=1)
        recall: expected.recall_pos1, // recall_score(y_true, y_pred, pos_label=1)
        f1: expected.f1_pos1, // f1_score(y_true, y_pred, pos_label=1)
        f1_macro: expected.macro_f1, // f1_score(y_true, y_pred, average="macro")
        roc_auc: expected.roc_auc, // roc_auc_score(y_true, y_score)
        log_loss: expected.log_loss, // log_loss(y_true, y_score)
        brier: expected.brier, // brier_score_loss(y_true, y_score)
      });
    },
  );

  it("scores class 0 as positive when positive-label is 0 and leaves out score metrics without a score column", async () => {
    const predictions = await readOracle(
      "classification",
      { label: "y_true", prediction: "candidate_pred", score: "absent" },
      "0",
    );
    const expected = reference.classification.candidate;
    const { metrics, skipped } = computePredictionMetrics(predictions);
    expect(skipped).toEqual([]);
    expectMetrics(metrics, {
      accuracy: expected.accuracy,
      precision: expected.precision_pos0, // precision_score(y_true, y_pred, pos_label=0)
      recall: expected.recall_pos0,
      f1: expected.f1_pos0,
      f1_macro: expected.macro_f1, // macro averaging does not depend on which class is positive
    });
  });

  it("matches sklearn's regression metrics to 1e-12 when labels are y_true and predictions the candidate's scores", async () => {
    const predictions = await readOracle("regression", { label: "y_true", prediction: "candidate_score" });
    const expected = reference.regression.labels_vs_candidate_score;
    // mean_absolute_error, mean_squared_error(squared=False), r2_score
    expectMetrics(computePredictionMetrics(predictions).metrics, {
      mae: expected.mae,
      rmse: expected.rmse,
      r2: expected.r2,
    });
  });

  it("matches sklearn's regression metrics to 1e-12 when labels are the baseline's scores", async () => {
    const predictions = await readOracle("regression", { label: "baseline_score", prediction: "candidate_score" });
    const expected = reference.regression.baseline_score_vs_candidate_score;
    expectMetrics(computePredictionMetrics(predictions).metrics, {
      mae: expected.mae,
      rmse: expected.rmse,
      r2: expected.r2,
    });
  });

  it("skips roc_auc and precision with reasons, never NaN, when every label is 1 and nothing is predicted positive", async () => {
    const predictions = await readTemp("one-class.csv", "label,prediction,score\n1,0,0.2\n1,0,0.4\n");
    const { metrics, skipped } = computePredictionMetrics(predictions);
    expect(skipped.map((s) => s.metric)).toEqual(["precision", "roc_auc"]);
    expect(skipped.find((s) => s.metric === "roc_auc")?.reason).toBe(
      "ROC AUC needs both classes, but every label is 1.",
    );
    expect([...metrics.values()].every(Number.isFinite)).toBe(true);
    // accuracy 0/2, recall 0/2, F1 = 2·0/(0 + 2) = 0; f1_macro: label 1 has F1 2·0/(0 + 2), label 0 2·0/(2 + 0);
    // Brier mean((1 − p)²) = (0.64 + 0.36)/2; log loss −mean(ln p).
    expect(metrics.get("accuracy")).toBe(0);
    expect(metrics.get("recall")).toBe(0);
    expect(metrics.get("f1")).toBe(0);
    expect(metrics.get("f1_macro")).toBe(0);
    expectRelative(metrics.get("brier") ?? NaN, 0.5, 1e-12);
    expectRelative(metrics.get("log_loss") ?? NaN, -(Math.log(0.2) + Math.log(0.4)) / 2, 1e-12);
  });

  it("skips r2 with its reason when every true value is the same", async () => {
    const predictions = await readTemp("constant.csv", "label,prediction\n2,1\n2,4\n", "regression");
    const { metrics, skipped } = computePredictionMetrics(predictions);
    expect(skipped).toEqual([{ metric: "r2", reason: expect.stringMatching(/every true value is the same/) }]);
    expect(Object.fromEntries(metrics)).toEqual({ mae: 1.5, rmse: Math.sqrt(2.5) });
  });

  it("skips every metric, saying the file has no examples, when given zero rows", () => {
    const empty = new Float64Array(0);
    const predictions = {
      task: "regression",
      input: "predictions",
      name: "empty.csv",
      sha256: "",
      rows: 0,
      labels: empty,
      predictions: empty,
      warnings: [],
    } as const;
    const { metrics, skipped } = computePredictionMetrics(predictions);
    expect(metrics.size).toBe(0);
    expect(skipped).toEqual(
      ["mae", "rmse", "r2"].map((metric) => ({ metric, reason: `${metric} is undefined: empty.csv has no examples.` })),
    );
  });
});
