import type { Predictions } from "../data/predictions/predictions.js";
import type { SignificanceMetric } from "./evaluate-significance-rule.js";

/** How a gate metric's paired change is tested: which per-example quantity, from which column of the predictions. */
export interface SignificanceMetricSpec {
  metric: SignificanceMetric;
  /** Predicted classes/values, or positive-class scores. */
  from: "predictions" | "scores";
  method: "bootstrap" | "delong";
}

/**
 * The gate metrics (names as `computePredictionMetrics` gives them) whose paired change has a test: the means of
 * per-example values go through the paired bootstrap, ROC AUC through DeLong's test. F1, precision, recall, RMSE
 * and R² are not means of per-example values, so they have none.
 */
export const SIGNIFICANCE_METRICS: Readonly<Record<string, SignificanceMetricSpec>> = {
  accuracy: { metric: "accuracy", from: "predictions", method: "bootstrap" },
  brier: { metric: "brier", from: "scores", method: "bootstrap" },
  log_loss: { metric: "log-loss", from: "scores", method: "bootstrap" },
  mae: { metric: "absolute-error", from: "predictions", method: "bootstrap" },
  roc_auc: { metric: "roc_auc", from: "scores", method: "delong" },
};

/** The per-example values a metric's test reads, or why the predictions lack them. */
export function significanceValues(spec: SignificanceMetricSpec, predictions: Predictions): Float64Array | string {
  if (spec.from === "predictions") return predictions.predictions;
  return predictions.scores ?? `${predictions.name} has no score column, which ${spec.metric} needs.`;
}
