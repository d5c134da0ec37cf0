import { computeMeanMetric } from "./mean-metric.js";

/**
 * Binary cross-entropy −mean(y·ln p + (1 − y)·ln(1 − p)) with p clipped to [ε, 1 − ε], ε = 2⁻⁵², as
 * sklearn.metrics.log_loss(y_true, y_prob) (ε = np.finfo(float64).eps since scikit-learn 1.2, when the default
 * changed from 1e-15). Unlike sklearn, a y_true holding one class only is accepted: p is P(y = 1) by contract.
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1 or probabilities outside [0, 1].
 */
export function computeLogLoss(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  return computeMeanMetric("log-loss", yTrue, probabilities);
}
