import { StatsInputError } from "./stats-input-error.js";

/**
 * Checks that a value is a whole number ≥ `minimum` (a count, a trial number, a number of resamples).
 * @throws {StatsInputError} when it is not.
 */
export function requireCount(value: number, name: string, minimum = 0): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new StatsInputError(`${name} is ${String(value)}; expected a whole number of at least ${minimum}.`);
  }
}
