import { sampleBinomial } from "./sample-binomial.js";
import type { SeededRandom } from "./seeded-random.js";

/**
 * Draws the counts of a resample of `n` items with replacement from a population whose category sizes are
 * `counts` (n = their sum): Multinomial(n, counts/n), drawn as conditional binomials (`sampleBinomial`), so a draw
 * costs O(k·√n) instead of O(n) and has exactly the distribution of counting `rng.integers(0, n, n)` by category.
 * Writes the drawn counts into `target` (same length as `counts`).
 */
export function sampleMultinomial(counts: ArrayLike<number>, target: Float64Array, random: SeededRandom): void {
  let population = 0;
  for (let k = 0; k < counts.length; k++) population += counts[k] as number;
  let remaining = population;
  for (let k = 0; k < counts.length; k++) {
    const count = counts[k] as number;
    const drawn =
      remaining > 0 && population > 0 ? sampleBinomial(remaining, Math.min(1, count / population), random) : 0;
    target[k] = drawn;
    remaining -= drawn;
    population -= count;
  }
}
