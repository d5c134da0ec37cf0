import { StatsInputError } from "./stats-input-error.js";

/**
 * Checks that every value is the label 0 or 1.
 * @throws {StatsInputError} naming the first other value and its index.
 */
export function requireBinaryLabels(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== 0 && value !== 1) {
      throw new StatsInputError(`"${name}"[${i}] is ${String(value)}; binary labels must be 0 or 1.`);
    }
  }
}
