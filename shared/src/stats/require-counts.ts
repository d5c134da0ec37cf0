import { DriftInputError } from "./drift-input-error.js";

/**
 * Checks a vector of category or bin counts: non-empty, every entry a finite number ≥ 0, total > 0.
 * Returns the total. Counts may be fractional (weighted counts) but never negative.
 * @throws {DriftInputError} naming the vector and the first offending index.
 */
export function requireCounts(counts: ArrayLike<number>, name: string): number {
  if (counts.length === 0) throw new DriftInputError(`The ${name} counts are empty; expected one count per category.`);
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number;
    if (!Number.isFinite(count) || count < 0) {
      throw new DriftInputError(`The ${name} count at index ${i} is ${String(count)}; expected a finite number ≥ 0.`);
    }
    total += count;
  }
  if (!(total > 0)) throw new DriftInputError(`The ${name} counts sum to 0; at least one observation is needed.`);
  return total;
}
