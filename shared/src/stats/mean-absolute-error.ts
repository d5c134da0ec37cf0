import { computeMeanMetric } from "./mean-metric.js";

/**
 * mean(|y − ŷ|), as sklearn.metrics.mean_absolute_error(y_true, y_pred).
 * @throws {StatsInputError} on empty or mismatched arrays or non-finite values.
 */
export function computeMeanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return computeMeanMetric("absolute-error", yTrue, yPred);
}
