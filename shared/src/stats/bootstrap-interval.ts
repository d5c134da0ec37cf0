import type { BootstrapDistribution } from "./bootstrap-distribution.js";
import { tailProbability, type IntervalOptions } from "./interval-alternative.js";
import { normalCdf, normalPpf } from "./normal-distribution.js";
import { percentileOfSorted } from "./numpy-percentile.js";
import { cannotCompute, type StatResult } from "./stat-result.js";

export type BootstrapMethod = "bca" | "percentile";

export interface BootstrapIntervalOptions extends IntervalOptions {
  /** Default "bca", as scipy.stats.bootstrap. */
  method?: BootstrapMethod;
}

interface IntervalFields {
  /** θ̂, the statistic on the original data. */
  estimate: number;
  /** Limits; −∞ / +∞ on the open side of a one-sided interval, as SciPy returns them. */
  low: number;
  high: number;
  /** The fractions of the bootstrap distribution read for the two limits (BCa's α₁, α₂; percentile's α, 1 − α). */
  levels: { low: number; high: number };
  /** Sample standard deviation (ddof = 1) of the bootstrap distribution, SciPy's `standard_error`. */
  standardError: number;
  confidence: number;
  alternative: NonNullable<IntervalOptions["alternative"]>;
  resamples: number;
}

/** A bootstrap confidence interval; BCa also reports its bias correction z0 and acceleration â. */
export type BootstrapInterval = StatResult<
  IntervalFields & ({ method: "bca"; z0: number; acceleration: number } | { method: "percentile" })
>;

function standardDeviation(values: Float64Array): number {
  // Sorted: equal ends mean every value is equal, whose deviation is 0 (a rounded mean would leave ~1e-15).
  if (values[0] === values[values.length - 1]) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** SciPy's `_percentile_of_score` ("mean" kind): (#{θ* < θ̂} + #{θ* ≤ θ̂}) / 2B, by binary search. */
function fractionBelow(sorted: Float64Array, score: number): number {
  const count = (strict: boolean): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const x = sorted[mid] as number;
      if (x < score || (!strict && x === score)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return (count(true) + count(false)) / (2 * sorted.length);
}

/**
 * A bootstrap confidence interval from a bootstrap distribution, as scipy.stats.bootstrap (SciPy 1.10 formulas,
 * `alternative` as SciPy ≥ 1.11): "percentile" reads numpy.percentile at α and 1 − α; "bca" (Efron & Tibshirani 1993,
 * §14.3) at α₁,₂ = Φ(z0 + (z0 ± z_α)/(1 − â(z0 ± z_α))) with z0 = Φ⁻¹(SciPy's "mean"-kind percentile of θ̂) and â
 * from the jackknife. α = (1 − c)/2 two-sided, 1 − c one-sided, whose open side becomes ±∞. "Cannot compute" where
 * SciPy returns NaN (BCa on constant data, θ̂ outside the distribution) or the sample has fewer than two values.
 * @throws {StatsInputError} when the confidence is outside (0, 1).
 */
export function toBootstrapInterval(
  distribution: BootstrapDistribution,
  options: BootstrapIntervalOptions = {},
): BootstrapInterval {
  const { estimate, sorted, acceleration, sampleSize } = distribution;
  const confidence = options.confidence ?? 0.95;
  const alternative = options.alternative ?? "two-sided";
  const alpha = tailProbability(confidence, alternative);
  if (sampleSize < 2) {
    return cannotCompute(`A bootstrap interval needs at least two examples; there are ${sampleSize}.`);
  }
  const standardError = standardDeviation(sorted);
  const common = { estimate, confidence, alternative, resamples: sorted.length, standardError };
  const limits = (lowLevel: number, highLevel: number) => ({
    low: alternative === "less" ? -Infinity : percentileOfSorted(sorted, lowLevel * 100),
    high: alternative === "greater" ? Infinity : percentileOfSorted(sorted, highLevel * 100),
    levels: { low: lowLevel, high: highLevel },
  });
  if (options.method === "percentile") {
    return { ok: true, method: "percentile", ...common, ...limits(alpha, 1 - alpha) };
  }
  if (!acceleration.ok) return cannotCompute(`No BCa interval: ${acceleration.reason}`);
  const z0 = normalPpf(fractionBelow(sorted, estimate));
  if (!Number.isFinite(z0)) {
    return cannotCompute("No BCa interval: every resampled mean lies on one side of the estimate, so z0 is infinite.");
  }
  const a = acceleration.value;
  const zAlpha = normalPpf(alpha);
  const lowSum = z0 + zAlpha;
  const highSum = z0 - zAlpha;
  const lowLevel = normalCdf(z0 + lowSum / (1 - a * lowSum));
  const highLevel = normalCdf(z0 + highSum / (1 - a * highSum));
  return { ok: true, method: "bca", z0, acceleration: a, ...common, ...limits(lowLevel, highLevel) };
}
