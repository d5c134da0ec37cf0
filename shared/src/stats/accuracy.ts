import { computeMeanMetric } from "./mean-metric.js";

/**
 * Fraction of examples whose predicted label equals the true one, as sklearn.metrics.accuracy_score(y_true, y_pred)
 * (any finite numeric labels).
 * @throws {StatsInputError} on empty or mismatched arrays or non-finite labels.
 */
export function computeAccuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return computeMeanMetric("accuracy", yTrue, yPred);
}
