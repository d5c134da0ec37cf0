import { StatsInputError } from "./stats-input-error.js";

/**
 * Checks that every named array is non-empty and that all have the same length, and returns that length.
 * @throws {StatsInputError} when an array is empty or the lengths differ.
 */
export function requireSameLength(named: Readonly<Record<string, ArrayLike<unknown>>>): number {
  const entries = Object.entries(named);
  const [firstName, first] = entries[0] ?? ["input", { length: 0 }];
  if (first.length === 0) throw new StatsInputError(`"${firstName}" is empty; a statistic needs at least one example.`);
  for (const [name, values] of entries) {
    if (values.length !== first.length) {
      throw new StatsInputError(
        `"${name}" has ${values.length} values but "${firstName}" has ${first.length}; ` +
          "paired data needs one value per example in each.",
      );
    }
  }
  return first.length;
}
