import { sampleBinomial } from "./sample-binomial.js";
import type { SeededRandom } from "./seeded-random.js";

/** Per-example values that are a few small integers (accuracy differences are −1, 0 or 1), with their counts. */
export interface IntegerTally {
  /** Distinct values, ordered by ascending count, so the most frequent is last. */
  values: number[];
  counts: number[];
  size: number;
}

/** Beyond ±2²⁰ a sum of up to 2³² values might not be exact in a double. */
const MAX_MAGNITUDE = 2 ** 20;

/**
 * Tallies `values` when every one is an integer of magnitude ≤ 2²⁰ and there are at most `maxDistinct` distinct
 * ones; otherwise returns `undefined` (the caller resamples indices instead).
 */
export function tallyIntegers(values: ArrayLike<number>, maxDistinct = 16): IntegerTally | undefined {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isInteger(value) || Math.abs(value) > MAX_MAGNITUDE) return undefined;
    const count = counts.get(value);
    if (count === undefined && counts.size === maxDistinct) return undefined;
    counts.set(value, (count ?? 0) + 1);
  }
  const entries = [...counts].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  return { values: entries.map(([value]) => value), counts: entries.map(([, count]) => count), size: values.length };
}

/**
 * Bootstrap means drawn from the counts instead of the indices: the counts of each distinct value in a resample of
 * n indices with replacement are Multinomial(n, counts/n), drawn as conditional binomials (`sampleBinomial`), so
 * each resample costs O(k·√n) instead of O(n) and has exactly the distribution of scipy.stats.bootstrap's resample.
 * Integer sums are exact, so a resampled mean equals the estimate bit for bit when it equals it at all (z0 of BCa
 * counts ties).
 */
export function resampleTalliedMeans(tally: IntegerTally, resamples: number, random: SeededRandom): Float64Array {
  const { values, counts, size } = tally;
  const last = values.length - 1;
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let remainingDraws = size;
    let remainingPopulation = size;
    let sum = 0;
    for (let k = 0; k < last && remainingDraws > 0; k++) {
      const count = counts[k] as number;
      const drawn = sampleBinomial(remainingDraws, count / remainingPopulation, random);
      sum += drawn * (values[k] as number);
      remainingDraws -= drawn;
      remainingPopulation -= count;
    }
    sum += remainingDraws * (values[last] as number);
    means[b] = sum / size;
  }
  return means;
}
