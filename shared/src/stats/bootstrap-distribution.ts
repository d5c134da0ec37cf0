import { computeMeanAcceleration } from "./jackknife-acceleration.js";
import { requireCount } from "./require-count.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { resampleMeans } from "./resample-means.js";
import { resampleTalliedMeans, tallyIntegers } from "./resample-tallied-means.js";
import { createSeededRandom } from "./seeded-random.js";
import type { ScalarResult } from "./stat-result.js";

/** A bootstrap distribution of the mean, ready for `toBootstrapInterval` at any confidence or side. */
export interface BootstrapDistribution {
  /** The mean of the original values (θ̂). */
  estimate: number;
  /** The resampled means θ*_b, ascending. */
  sorted: Float64Array;
  /** Jackknife acceleration for BCa, or why it does not exist. */
  acceleration: ScalarResult;
  /** Number of per-example values. */
  sampleSize: number;
}

export interface BootstrapDrawOptions {
  /** Number of resamples B; default 9,999 (scipy.stats.bootstrap's default). */
  resamples?: number;
  /** Seed of the generator (`createSeededRandom`): the same seed and data give the same distribution. */
  seed: number;
}

/** Mean by plain summation; exact for integer values, so θ̂ and θ*_b compare exactly on discrete data. */
function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Sorts the resampled means and attaches θ̂ and the jackknife acceleration. */
export function toBootstrapDistribution(values: ArrayLike<number>, means: Float64Array): BootstrapDistribution {
  return {
    estimate: meanOf(values),
    sorted: means.sort(),
    acceleration: computeMeanAcceleration(values),
    sampleSize: values.length,
  };
}

/**
 * The bootstrap distribution of the mean of `values` (for a paired comparison, the per-example differences
 * candidate − baseline), as scipy.stats.bootstrap((values,), np.mean, n_resamples=B) draws it; only the random
 * stream differs from NumPy's. Integer data with few distinct values (accuracy differences) are resampled through
 * multinomial counts in O(B·√n); other data through indices in O(B·n).
 * @throws {StatsInputError} when `values` is empty or holds a non-finite value, or `resamples` is not a whole
 * number ≥ 1.
 */
export function drawBootstrapDistribution(
  values: ArrayLike<number>,
  options: BootstrapDrawOptions,
): BootstrapDistribution {
  requireSameLength({ values });
  requireFinite(values, "values");
  const resamples = options.resamples ?? 9999;
  requireCount(resamples, "Bootstrap resamples", 1);
  const random = createSeededRandom(options.seed);
  const tally = tallyIntegers(values);
  const means = tally
    ? resampleTalliedMeans(tally, resamples, random)
    : resampleMeans(Float64Array.from(values), resamples, random);
  return toBootstrapDistribution(values, means);
}
