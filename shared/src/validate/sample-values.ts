import { createSeededRandom } from "../stats/seeded-random.js";

/**
 * `size` of the ascending `sorted` drawn without replacement by a seeded partial Fisher–Yates shuffle, ascending;
 * `sorted` itself when it has no more than `size`. The same seed and input always give the same sample.
 */
export function sampleSorted(sorted: Float64Array, size: number | undefined, seed: number): Float64Array {
  if (size === undefined || sorted.length <= size) return sorted;
  const values = sorted;
  const pool = Float64Array.from(values);
  const random = createSeededRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + random.nextInt(pool.length - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.subarray(0, size).sort();
}
