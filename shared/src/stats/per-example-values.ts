import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireProbabilities } from "./require-probabilities.js";
import { requireSameLength } from "./require-same-length.js";

/**
 * Metrics that are means of per-example values, so a paired bootstrap of their difference is a bootstrap of the
 * mean of per-example differences. Non-mean statistics (ROC AUC, F1, RMSE, R²) are not among them: compare AUCs
 * with DeLong's test (`computeDelong`).
 */
export type MeanMetric = "accuracy" | "brier" | "log-loss" | "absolute-error" | "squared-error";

/** sklearn's log_loss clips probabilities to [ε, 1 − ε] with ε = np.finfo(float64).eps = 2⁻⁵² (since 1.2). */
const LOG_LOSS_EPS = Number.EPSILON;

function perExample(metric: MeanMetric, y: number, prediction: number): number {
  switch (metric) {
    case "accuracy":
      return prediction === y ? 1 : 0;
    case "brier":
      return (y - prediction) * (y - prediction);
    case "log-loss": {
      const probability = y === 1 ? prediction : 1 - prediction;
      return -Math.log(Math.min(Math.max(probability, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS));
    }
    case "absolute-error":
      return Math.abs(y - prediction);
    case "squared-error":
      return (y - prediction) * (y - prediction);
  }
}

/**
 * Each example's contribution to a mean-type metric, whose mean is the sklearn metric: "accuracy" 1 if the predicted
 * label equals the true one (accuracy_score), "brier" (y − p)² (brier_score_loss), "log-loss" −ln(clip(p or 1 − p))
 * (log_loss, ε = 2⁻⁵²), "absolute-error" |y − ŷ| (mean_absolute_error), "squared-error" (y − ŷ)²
 * (mean_squared_error). For brier and log-loss, labels are 0/1 and predictions are P(y = 1).
 * @throws {StatsInputError} on empty or mismatched arrays, non-finite values, labels other than 0/1 or
 * probabilities outside [0, 1] where the metric needs them.
 */
export function toPerExampleValues(
  metric: MeanMetric,
  yTrue: ArrayLike<number>,
  predictions: ArrayLike<number>,
): Float64Array {
  const n = requireSameLength({ yTrue, predictions });
  if (metric === "brier" || metric === "log-loss") {
    requireBinaryLabels(yTrue, "yTrue");
    requireProbabilities(predictions, "predictions");
  } else {
    requireFinite(yTrue, "yTrue");
    requireFinite(predictions, "predictions");
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = perExample(metric, yTrue[i] as number, predictions[i] as number);
  return values;
}

/**
 * The values one example can contribute to a mean-type metric, [lowest, highest]: [0, 1] for accuracy and Brier,
 * [−ln(1 − ε), −ln ε] ≈ [2.2e-16, 36.04] for log-loss (sklearn's clipping at ε = 2⁻⁵²), [0, +∞) for the errors,
 * which have no upper bound. A change candidate − baseline of one example lies within ±(highest − lowest).
 */
export function perExampleRange(metric: MeanMetric): readonly [number, number] {
  switch (metric) {
    case "accuracy":
    case "brier":
      return [0, 1];
    case "log-loss":
      return [-Math.log1p(-LOG_LOSS_EPS), -Math.log(LOG_LOSS_EPS)];
    case "absolute-error":
    case "squared-error":
      return [0, Infinity];
  }
}
