import type { BootstrapDistribution } from "../stats/bootstrap-distribution.js";
import { toBootstrapInterval, type BootstrapMethod } from "../stats/bootstrap-interval.js";
import { toDelongInterval } from "../stats/delong.js";
import type { StatResult } from "../stats/stat-result.js";

/** What a significance rule is decided from: a stored paired-bootstrap distribution, or DeLong's Δ and Var(Δ). */
export type SignificanceEvidence =
  | { method: "bootstrap"; distribution: BootstrapDistribution; interval: BootstrapMethod }
  | { method: "delong"; difference: number; varianceDifference: number };

/** The two one-sided (1 − alpha) limits of delta = candidate − baseline. */
export interface SignificanceLimits {
  /** Lower limit of the one-sided interval [low, +∞) at confidence 1 − alpha. */
  low: number;
  /** Upper limit of the one-sided interval (−∞, high] at confidence 1 − alpha. */
  high: number;
}

/**
 * Both one-sided (1 − alpha) limits of the paired delta: `toBootstrapInterval` with alternative "greater" and "less"
 * (BCa or percentile, as scipy.stats.bootstrap), or `toDelongInterval` (Δ ∓ ndtri(1 − alpha)·√Var(Δ)). Together they
 * are the two-sided (1 − 2·alpha) interval; each alone is the one-sided (1 − alpha) bound that `decideSignificance`
 * reads. "Cannot compute" where the bootstrap interval cannot (BCa on constant differences, fewer than two examples).
 * @throws {StatsInputError} when alpha is outside (0, 1).
 */
export function toSignificanceInterval(evidence: SignificanceEvidence, alpha: number): StatResult<SignificanceLimits> {
  const confidence = 1 - alpha;
  if (evidence.method === "delong") {
    const greater = toDelongInterval(evidence, { confidence, alternative: "greater" });
    const less = toDelongInterval(evidence, { confidence, alternative: "less" });
    return { ok: true, low: greater.low, high: less.high };
  }
  const options = { confidence, method: evidence.interval } as const;
  const greater = toBootstrapInterval(evidence.distribution, { ...options, alternative: "greater" });
  if (!greater.ok) return greater;
  const less = toBootstrapInterval(evidence.distribution, { ...options, alternative: "less" });
  if (!less.ok) return less;
  return { ok: true, low: greater.low, high: less.high };
}
