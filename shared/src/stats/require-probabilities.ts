import { StatsInputError } from "./stats-input-error.js";

/**
 * Checks that every value is a probability in [0, 1] (NaN is not).
 * @throws {StatsInputError} naming the first value outside [0, 1] and its index.
 */
export function requireProbabilities(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!(value >= 0 && value <= 1)) {
      throw new StatsInputError(`"${name}"[${i}] is ${String(value)}; probabilities must lie in [0, 1].`);
    }
  }
}
