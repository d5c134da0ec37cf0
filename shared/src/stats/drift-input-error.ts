import { StatsInputError } from "./stats-input-error.js";

const DRIFT_HINT =
  "Check the reference and current data: a drift statistic needs at least one finite value (or one count) on " +
  "each side, and counts must be whole numbers ≥ 0.";

/** Input no drift statistic can use: an empty sample, NaN or an infinite value, a negative or fractional count. */
export class DriftInputError extends StatsInputError {
  constructor(message: string, hint: string = DRIFT_HINT) {
    super(message, hint);
  }
}
