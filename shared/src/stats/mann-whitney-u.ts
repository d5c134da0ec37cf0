import { findZeroBrent } from "./find-zero-brent.js";
import { normalCdf, normalPpf } from "./normal-distribution.js";
import { requireConfidence } from "./require-confidence.js";
import { requireFinite } from "./require-finite.js";
import { computeShiftedRankSum } from "./rank-sum-shift.js";
import { cannotCompute, type StatResult } from "./stat-result.js";
import { StatsInputError } from "./stats-input-error.js";

export interface MannWhitneyOptions {
  /** Coverage of the interval of the location shift; default 0.95 (Kayenta's judge uses 0.98). */
  confidence?: number;
  /**
   * Apply the continuity correction when solving for the estimate, as Kayenta does (default true). R's
   * wilcox.test sets `correct <- FALSE` before its `uniroot` for the estimate, so `false` reproduces R's estimate.
   */
  correctEstimate?: boolean;
}

export type MannWhitneyResult = StatResult<{
  /** R's W: Σ ranks of x − nx(nx + 1)/2, the number of pairs with x > y (ties count ½). */
  statistic: number;
  /** Two-sided p-value of "no location shift", normal approximation with tie and continuity correction. */
  pValue: number;
  /** Hodges–Lehmann-type estimate of the shift x − y: the shift that centres the rank statistic. */
  estimate: number;
  /** Confidence interval of the shift, inverted from the same normal approximation. */
  low: number;
  high: number;
  confidence: number;
}>;

/** R's uniroot tolerance in wilcox.test (`tol.root = 1e-4`), which Kayenta's BrentSolver also uses. */
const ROOT_TOLERANCE = 1e-4;

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test of x against y with the interval and estimate of the location shift
 * x − y, as R's `wilcox.test(x, y, conf.int = TRUE, exact = FALSE, correct = TRUE)` and Kayenta's `MannWhitney`
 * (always the normal approximation, whatever the sample size). Roots are found with R's Brent (`findZeroBrent`) at
 * R's tolerance 1e-4, and a root outside the data's range clamps to min(x) − max(y) or max(x) − min(y), as both do.
 * "Cannot compute" when every observation is tied (R warns, Kayenta throws).
 * @throws {StatsInputError} when a sample is empty or holds a non-finite value, or the confidence is outside (0, 1).
 */
export function computeMannWhitneyU(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const confidence = options.confidence ?? 0.95;
  requireConfidence(confidence);
  if (x.length === 0 || y.length === 0)
    throw new StatsInputError("Mann–Whitney U needs at least one value in each sample.");
  requireFinite(x, "x");
  requireFinite(y, "y");
  const xs = Float64Array.from(x).sort();
  const ys = Float64Array.from(y).sort();
  const nx = xs.length;
  const ny = ys.length;
  const sigmaOf = (ties: number) => Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - ties / ((nx + ny) * (nx + ny - 1))));
  const standardized = (shift: number, correct: boolean): number => {
    const { rankSum, ties } = computeShiftedRankSum(xs, ys, shift);
    const dz = rankSum - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
    const correction = correct ? Math.sign(dz) * 0.5 : 0;
    return (dz - correction) / sigmaOf(ties);
  };
  const atZero = computeShiftedRankSum(xs, ys, 0);
  if (sigmaOf(atZero.ties) === 0)
    return cannotCompute("Every observation has the same value, so the rank test has no variance.");
  const statistic = atZero.rankSum - (nx * (nx + 1)) / 2;
  const z = standardized(0, true);
  const pValue = 2 * Math.min(normalCdf(z), normalCdf(-z));
  const muMin = (xs[0] as number) - (ys[ny - 1] as number);
  const muMax = (xs[nx - 1] as number) - (ys[0] as number);
  const atMin = standardized(muMin, true);
  const atMax = standardized(muMax, true);
  const root = (zq: number): number => {
    if (atMin - zq <= 0) return muMin;
    if (atMax - zq >= 0) return muMax;
    return findZeroBrent((d) => standardized(d, true) - zq, muMin, muMax, atMin - zq, atMax - zq, ROOT_TOLERANCE);
  };
  const zq = normalPpf((1 - confidence) / 2);
  const correctEstimate = options.correctEstimate ?? true;
  const estimate = findZeroBrent(
    (d) => standardized(d, correctEstimate),
    muMin,
    muMax,
    correctEstimate ? atMin : standardized(muMin, false),
    correctEstimate ? atMax : standardized(muMax, false),
    ROOT_TOLERANCE,
  );
  return { ok: true, statistic, pValue: Math.min(1, pValue), estimate, low: root(-zq), high: root(zq), confidence };
}
