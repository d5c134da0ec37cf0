import type { PredictionColumnSource } from "./predictions.js";
import { predictionColumnError } from "./prediction-column-error.js";
import type { TableColumn } from "../table/table.js";
import { toFiniteValues } from "./to-finite-values.js";

/**
 * A score column as probabilities of the positive class, each finite and in [0, 1] (contract §4), as
 * sklearn.metrics.log_loss and brier_score_loss require of y_prob.
 * @throws DataError naming the input, file and column: missing or non-numeric scores (how many, first data row),
 * or scores outside [0, 1] (how many, the first with its row and value).
 */
export function toScores(column: TableColumn, source: PredictionColumnSource): Float64Array {
  const values = toFiniteValues(column, source);
  let outside = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < 0 || value > 1) {
      outside++;
      if (first < 0) first = i;
    }
  }
  if (outside > 0) {
    throw predictionColumnError(
      source,
      `${outside} of ${values.length} scores are outside [0, 1]; the first is ${values[first]} at data row ${first + 1}.`,
      `Write the probability of the positive class in "${source.column}" (apply a sigmoid or softmax to raw model outputs), or set ${source.columnInput} to the column that holds it.`,
    );
  }
  return values;
}
