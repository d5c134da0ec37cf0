import { StatsInputError } from "./stats-input-error.js";

const DRIFT_HINT =
  "Check the reference and current data: drop missing values before a drift test; a drift statistic needs at " +
  "least one finite value (or one positive count) on each side, and counts must be finite numbers ≥ 0.";

/** Input no drift statistic can use: an empty sample, NaN or an infinite value, a negative or non-finite count. */
export class DriftInputError extends StatsInputError {
  constructor(message: string, hint: string = DRIFT_HINT) {
    super(message, hint);
  }
}
