import type { BootstrapDistribution } from "./bootstrap-distribution.js";
import { toBootstrapInterval, type BootstrapMethod } from "./bootstrap-interval.js";
import { toDelongInterval } from "./delong.js";
import { toNoVarianceLimits, type NoVarianceEvidence } from "./no-variance-bound.js";
import type { StatResult } from "./stat-result.js";

/**
 * What a significance rule is decided from: a stored paired-bootstrap distribution, DeLong's Δ and Var(Δ), or a
 * change observed with no variance, bounded exactly (`toNoVarianceLimits`).
 */
export type SignificanceEvidence =
  | { method: "bootstrap"; distribution: BootstrapDistribution; interval: BootstrapMethod }
  | { method: "delong"; difference: number; varianceDifference: number }
  | {
      method: "exact-bound";
      bound: NoVarianceEvidence;
      /** What the bound's trials are: "examples", "disjoint positive–negative pairs". */
      units: string;
      /** Why neither the bootstrap nor DeLong can measure the uncertainty, for the report. */
      observed: string;
      /** Set when the metric has no bound, so the limits are infinite: why, for the report. */
      unbounded?: string;
    };

/** The two one-sided (1 − alpha) limits of delta = candidate − baseline. */
export interface SignificanceLimits {
  /** Lower limit of the one-sided interval [low, +∞) at confidence 1 − alpha. */
  low: number;
  /** Upper limit of the one-sided interval (−∞, high] at confidence 1 − alpha. */
  high: number;
}

/**
 * Both one-sided (1 − alpha) limits of the paired delta: `toBootstrapInterval` with alternative "greater" and "less"
 * (BCa or percentile, as scipy.stats.bootstrap), `toDelongInterval` (Δ ∓ ndtri(1 − alpha)·√Var(Δ)), or the exact
 * limits of a change with no variance (`toNoVarianceLimits`, infinite on a side where the metric is unbounded). Together they
 * are the two-sided (1 − 2·alpha) interval; each alone is the one-sided (1 − alpha) bound that `decideSignificance`
 * reads. "Cannot compute" where the bootstrap interval cannot (BCa on constant differences, fewer than two examples).
 * @throws {StatsInputError} when alpha is outside (0, 1).
 */
export function toSignificanceInterval(evidence: SignificanceEvidence, alpha: number): StatResult<SignificanceLimits> {
  const confidence = 1 - alpha;
  if (evidence.method === "exact-bound") {
    const { low, high } = toNoVarianceLimits(evidence.bound, alpha);
    return { ok: true, low, high };
  }
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
