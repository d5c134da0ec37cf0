import { computeMeanMetric } from "./mean-metric.js";

/**
 * mean((y − ŷ)²), as sklearn.metrics.mean_squared_error(y_true, y_pred).
 * @throws {StatsInputError} on empty or mismatched arrays or non-finite values.
 */
export function computeMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return computeMeanMetric("squared-error", yTrue, yPred);
}
