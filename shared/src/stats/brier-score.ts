import { computeMeanMetric } from "./mean-metric.js";

/**
 * Brier score mean((y − p)²) for binary labels and P(y = 1), as sklearn.metrics.brier_score_loss(y_true, y_prob).
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1 or probabilities outside [0, 1].
 */
export function computeBrierScore(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  return computeMeanMetric("brier", yTrue, probabilities);
}
