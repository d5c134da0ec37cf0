import { StatsInputError } from "./stats-input-error.js";

/**
 * Checks that every value is a finite number.
 * @throws {StatsInputError} naming the first NaN or infinite value and its index.
 */
export function requireFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) {
      throw new StatsInputError(`"${name}"[${i}] is ${String(value)}; expected a finite number.`);
    }
  }
}
