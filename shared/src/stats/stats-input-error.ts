import { DataError } from "../core/modelgate-error.js";

const DEFAULT_HINT =
  "Check the predictions or metrics file: every column must have one finite value per example, " +
  "labels must be 0 or 1 and probabilities between 0 and 1.";

/**
 * Input no statistic can use: empty or mismatched arrays, NaN, labels outside {0,1}, probabilities outside [0,1],
 * options out of range. Thrown, because it is a data or caller bug, unlike "cannot compute", which is a result.
 */
export class StatsInputError extends DataError {
  constructor(message: string, hint: string = DEFAULT_HINT) {
    super(message, hint);
  }
}
