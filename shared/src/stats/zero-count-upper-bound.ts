import { requireConfidence } from "./require-confidence.js";
import { requireCount } from "./require-count.js";

/**
 * The exact one-sided (1 − alpha) upper confidence limit of a probability after 0 events in n independent trials,
 * 1 − alpha^(1/n): the Clopper–Pearson limit at x = 0 (Clopper & Pearson 1934, Biometrika 26(4)), as
 * scipy.stats.beta.ppf(1 − alpha, 1, n) and statsmodels proportion_confint(0, n, alpha=2·alpha, method="beta")[1].
 * Exact because P(0 events | p) = (1 − p)^n, which is below alpha for every p above the limit; about −ln(alpha)/n,
 * the "rule of three" 3/n at alpha = 0.05 (Hanley & Lippman-Hand 1983, JAMA 249(13)). Computed as −expm1(ln(alpha)/n),
 * which keeps full precision for large n.
 * @throws {StatsInputError} when trials is not a whole number ≥ 1 or alpha is outside (0, 1).
 */
export function zeroCountUpperBound(trials: number, alpha: number): number {
  requireCount(trials, "The number of trials", 1);
  requireConfidence(1 - alpha);
  return -Math.expm1(Math.log(alpha) / trials);
}
