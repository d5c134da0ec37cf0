import type { IntervalLimits } from "./interval-alternative.js";
import { requireCount } from "./require-count.js";
import { binomialCdf } from "./binomial-cdf.js";
import { clopperPearsonUpper } from "./clopper-pearson-upper.js";
import { StatsInputError } from "./stats-input-error.js";

/**
 * A paired change observed with no variance, the same value c on every one of `trials` independent units, or with
 * almost none: c on all but `differing` of them.
 */
export interface NoVarianceEvidence {
  /** The change c the units showed (an example's change of a per-example metric; a positive–negative pair's of AUC). */
  constant: number;
  /** [a, b]: every change a unit can possibly show lies in it; −∞ / +∞ when the metric has no bound on that side. */
  range: readonly [number, number];
  /** Independent units observed. */
  trials: number;
  /** Units whose change was not c (whatever it was); default 0. */
  differing?: number;
}

/**
 * Exact one-sided (1 − alpha) limits of the population's mean change E[D] when every one of n independent units
 * showed the same change c, or all but k of them. Derivation: let q = P(D ≠ c), the share of the population whose
 * change differs from c. All n units showing c has probability (1 − q)^n, so u = 1 − alpha^(1/n)
 * (`zeroCountUpperBound`) is an exact one-sided (1 − alpha) upper limit of q: whenever q > u the data seen had
 * probability below alpha. With k units differing, u is the Clopper–Pearson limit of k in n (`clopperPearsonUpper`),
 * P(at most k | q) < alpha for every q > u; the k changes' values are not used, only their count. Since D lies in
 * [a, b], E[D] = (1 − q)·c + q·E[D | D ≠ c] lies in [c − q·(c − a), c + q·(b − c)], so
 * low = c − u·(c − a) and high = c + u·(b − c), each a one-sided (1 − alpha) limit (both rest on the one event q ≤ u,
 * so they also hold jointly). Accuracy with 0 discordant examples (c = 0, D ∈ [−1, 1]) gives ±u; an unbounded
 * metric (a = −∞ or b = +∞) gives an infinite limit on that side: zero variance in the sample does not bound the
 * mean of a variable without a bound (Bahadur & Savage 1956, Ann. Math. Statist. 27(4)). `rate` is u.
 * @throws {StatsInputError} when trials is not a whole number ≥ 1, alpha is outside (0, 1) or c lies outside [a, b].
 */
export function toNoVarianceLimits(evidence: NoVarianceEvidence, alpha: number): IntervalLimits & { rate: number } {
  const {
    constant: c,
    range: [a, b],
  } = requireEvidence(evidence);
  const rate = clopperPearsonUpper(evidence.differing ?? 0, evidence.trials, alpha);
  // A side where c is the range's end stays at c (∞ · 0 would be NaN).
  return { low: c === a ? c : c - rate * (c - a), high: c === b ? c : c + rate * (b - c), rate };
}

/**
 * The p-value of the one-sided test of "E[D] ≥ t" (`side` "greater") or "E[D] ≤ t" (`side` "less") that
 * `toNoVarianceLimits` implies: the smallest alpha at which its limit on that side reaches t. The limit reaches t
 * when u ≤ r, with r = (c − t)/(c − a) ("greater") or (t − c)/(b − c) ("less") the share of differing units that
 * could move the mean across t; so p = (1 − r)^n, the binomial probability of 0 differing units in n when the share
 * is r (scipy.stats.binom.pmf(0, n, r)), and with k differing units P(X ≤ k), X ~ Binomial(n, r)
 * (scipy.stats.binom.cdf(k, n, r)). 1 when c itself is on the wrong side of t (r ≤ 0) or the range is unbounded on
 * the side that matters; 0 when no unit's change can cross t (r ≥ 1).
 * @throws {StatsInputError} as `toNoVarianceLimits`, or on a non-finite threshold.
 */
export function noVariancePValue(evidence: NoVarianceEvidence, threshold: number, side: "greater" | "less"): number {
  const {
    constant: c,
    range: [a, b],
    trials,
  } = requireEvidence(evidence);
  if (!Number.isFinite(threshold))
    throw new StatsInputError(`The threshold ${String(threshold)} is not a finite number.`);
  const room = side === "greater" ? c - threshold : threshold - c;
  if (room < 0) return 1;
  const span = side === "greater" ? c - a : b - c;
  if (span === 0) return 0;
  const rate = room / span;
  if (rate >= 1) return 0;
  const differing = evidence.differing ?? 0;
  return differing === 0 ? Math.exp(trials * Math.log1p(-rate)) : binomialCdf(differing, trials, rate);
}

function requireEvidence(evidence: NoVarianceEvidence): NoVarianceEvidence {
  requireCount(evidence.trials, "The number of units", 1);
  const differing = evidence.differing ?? 0;
  requireCount(differing, "The number of differing units");
  if (differing > evidence.trials) {
    throw new StatsInputError(`${differing} of ${evidence.trials} units differ: more than there are.`);
  }
  const [a, b] = evidence.range;
  const c = evidence.constant;
  if (!Number.isFinite(c) || !(a <= c && c <= b)) {
    throw new StatsInputError(
      `The constant change ${String(c)} lies outside its possible range [${String(a)}, ${String(b)}].`,
    );
  }
  return evidence;
}
