import type { Predictions } from "../data/predictions/predictions.js";
import { computeAccuracy } from "../stats/accuracy.js";
import { computeBrierScore } from "../stats/brier-score.js";
import { computeF1Score } from "../stats/f1-score.js";
import { computeLogLoss } from "../stats/log-loss.js";
import { computeMeanAbsoluteError } from "../stats/mean-absolute-error.js";
import { computePrecision } from "../stats/precision.js";
import { computeR2Score } from "../stats/r2-score.js";
import { computeRecall } from "../stats/recall.js";
import { computeRocAuc } from "../stats/roc-auc.js";
import { computeRootMeanSquaredError } from "../stats/root-mean-squared-error.js";
import type { ScalarResult } from "../stats/stat-result.js";

/** A metric the predictions do not define (one class only, constant labels, ...), with the sentence saying why. */
export interface SkippedMetric {
  metric: string;
  reason: string;
}

/** Metric name → finite value, and the metrics left out. */
export interface PredictionMetrics {
  metrics: Map<string, number>;
  skipped: SkippedMetric[];
}

type MetricFunction = (p: Predictions) => number | ScalarResult;

// sklearn equivalents: accuracy_score; precision/recall/f1_score(pos_label=1); f1_score(average="macro");
// roc_auc_score, log_loss, brier_score_loss on the positive-class scores.
const CLASSIFICATION: [string, MetricFunction][] = [
  ["accuracy", (p) => computeAccuracy(p.labels, p.predictions)],
  ["precision", (p) => computePrecision(p.labels, p.predictions)],
  ["recall", (p) => computeRecall(p.labels, p.predictions)],
  ["f1", (p) => computeF1Score(p.labels, p.predictions)],
  ["f1_macro", (p) => computeF1Score(p.labels, p.predictions, { average: "macro" })],
];
const SCORED: [string, (p: Predictions, scores: Float64Array) => number | ScalarResult][] = [
  ["roc_auc", (p, scores) => computeRocAuc(p.labels, scores)],
  ["log_loss", (p, scores) => computeLogLoss(p.labels, scores)],
  ["brier", (p, scores) => computeBrierScore(p.labels, scores)],
];
// mean_absolute_error, root_mean_squared_error, r2_score.
const REGRESSION: [string, MetricFunction][] = [
  ["mae", (p) => computeMeanAbsoluteError(p.labels, p.predictions)],
  ["rmse", (p) => computeRootMeanSquaredError(p.labels, p.predictions)],
  ["r2", (p) => computeR2Score(p.labels, p.predictions)],
];

/**
 * Computes one model's metrics from its predictions, as the sklearn.metrics functions named beside each list:
 * classification accuracy, precision, recall, f1 (positive label 1), f1_macro, and with scores roc_auc, log_loss,
 * brier; regression mae, rmse, r2. A metric undefined for these predictions is skipped with its reason, never NaN.
 * @throws {StatsInputError} only on predictions that `readPredictions` would have refused (NaN, labels other than 0/1).
 */
export function computePredictionMetrics(predictions: Predictions): PredictionMetrics {
  const { scores } = predictions;
  const list: [string, MetricFunction][] =
    predictions.task === "regression"
      ? REGRESSION
      : [
          ...CLASSIFICATION,
          ...(scores ? SCORED.map(([name, f]): [string, MetricFunction] => [name, (p) => f(p, scores)]) : []),
        ];
  const metrics = new Map<string, number>();
  const skipped: SkippedMetric[] = [];
  for (const [metric, compute] of list) {
    if (predictions.rows === 0) {
      skipped.push({ metric, reason: `${metric} is undefined: ${predictions.name} has no examples.` });
      continue;
    }
    const result = compute(predictions);
    if (typeof result === "number") metrics.set(metric, result);
    else if (result.ok) metrics.set(metric, result.value);
    else skipped.push({ metric, reason: result.reason });
  }
  return { metrics, skipped };
}
