import { computeMeanMetric } from "./mean-metric.js";

/**
 * √mean((y − ŷ)²), as sklearn.metrics.root_mean_squared_error (mean_squared_error(squared=False) before 1.4). Not a
 * mean of per-example values, so its paired comparison is not a bootstrap of means; compare squared error instead.
 * @throws {StatsInputError} on empty or mismatched arrays or non-finite values.
 */
export function computeRootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return Math.sqrt(computeMeanMetric("squared-error", yTrue, yPred));
}
