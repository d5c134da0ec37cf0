import { DriftInputError } from "./drift-input-error.js";

/**
 * A sorted copy of a sample (ascending), refusing an empty sample, NaN and infinities, which would make every
 * distribution statistic meaningless. O(n log n): Float64Array's numeric sort.
 * @throws {DriftInputError} naming the sample and the first offending index.
 */
export function sortedSample(values: ArrayLike<number>, name: string): Float64Array {
  if (values.length === 0) throw new DriftInputError(`The ${name} sample is empty; it needs at least one value.`);
  const sorted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) {
      throw new DriftInputError(`The ${name} sample has ${String(value)} at index ${i}; expected a finite number.`);
    }
    sorted[i] = value;
  }
  return sorted.sort();
}
