import type { SeededRandom } from "./seeded-random.js";

/** Indices are drawn in blocks of at most this many, so the buffer stays in cache and small for any n. */
const BLOCK = 65536;

/**
 * Means of `resamples` bootstrap resamples of `values`, each n indices drawn uniformly with replacement, as
 * scipy.stats.bootstrap's `_bootstrap_resample` (`rng.integers(0, n, (B, n))`) followed by `np.mean`. O(n·B) time;
 * one index buffer for the whole run, nothing allocated per resample. The general path for mean-type statistics
 * with many distinct per-example values.
 */
export function resampleMeans(values: Float64Array, resamples: number, random: SeededRandom): Float64Array {
  const n = values.length;
  const means = new Float64Array(resamples);
  const indices = new Uint32Array(Math.min(n, BLOCK));
  const tail = indices.subarray(0, n % indices.length || indices.length);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let done = 0; done < n; done += indices.length) {
      const block = done + indices.length <= n ? indices : tail;
      random.fillInts(n, block);
      for (let i = 0; i < block.length; i++) sum += values[block[i] as number] as number;
    }
    means[b] = sum / n;
  }
  return means;
}
