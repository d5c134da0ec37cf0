import { DataError } from "../../core/modelgate-error.js";
import type { PredictionColumnSource } from "./predictions.js";

/** The DataError for bad values in one predictions column: `what` is the problem sentence, `hint` the fix. */
export function predictionColumnError(source: PredictionColumnSource, what: string, hint: string): DataError {
  return new DataError(`Input "${source.input}": ${source.file}, column "${source.column}": ${what}`, hint, {
    input: source.input,
    file: source.file,
    path: source.column,
  });
}
