import { binomialCdf } from "./binomial-cdf.js";
import { findZeroBrent } from "./find-zero-brent.js";
import { requireConfidence } from "./require-confidence.js";
import { requireCount } from "./require-count.js";
import { StatsInputError } from "./stats-input-error.js";
import { zeroCountUpperBound } from "./zero-count-upper-bound.js";

/**
 * The exact one-sided (1 − alpha) upper confidence limit of a probability after `events` in `trials` independent
 * trials (Clopper & Pearson 1934, Biometrika 26(4)): the u with P(X ≤ events | Binomial(trials, u)) = alpha, which
 * is scipy.stats.beta.ppf(1 − alpha, events + 1, trials − events) and the upper end of
 * scipy.stats.binomtest(events, trials).proportion_ci(1 − 2·alpha, method="exact"). 0 events is
 * `zeroCountUpperBound`'s closed form; otherwise Brent's root of the binomial CDF (`binomialCdf`) to full double
 * precision. 1 when every trial was an event.
 * @throws {StatsInputError} when trials is not a whole number ≥ 1, events is not a whole number in [0, trials], or
 * alpha is outside (0, 1).
 */
export function clopperPearsonUpper(events: number, trials: number, alpha: number): number {
  requireCount(trials, "The number of trials", 1);
  requireCount(events, "The number of events");
  requireConfidence(1 - alpha);
  if (events > trials) {
    throw new StatsInputError(`${events} events in ${trials} trials: there cannot be more events than trials.`);
  }
  if (events === 0) return zeroCountUpperBound(trials, alpha);
  if (events === trials) return 1;
  const f = (u: number): number => binomialCdf(events, trials, u) - alpha;
  return findZeroBrent(f, 0, 1, 1 - alpha, -alpha, 0);
}
