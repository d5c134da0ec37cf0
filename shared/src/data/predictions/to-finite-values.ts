import type { PredictionColumnSource } from "./predictions.js";
import { predictionColumnError } from "./prediction-column-error.js";
import type { TableColumn } from "../table/table.js";

/**
 * The values of a numeric predictions column (labels, predictions or scores), every one finite.
 * @throws DataError naming the input, file and column, with how many rows have no usable number and the first
 * (1-based data row, header excluded), or that the column holds text.
 */
export function toFiniteValues(column: TableColumn, source: PredictionColumnSource): Float64Array {
  if (column.kind === "string") {
    const sample = column.dictionary.slice(0, 3).map((value) => JSON.stringify(value.slice(0, 40)));
    throw predictionColumnError(
      source,
      `holds text (${sample.join(", ")}), but numbers are needed here.`,
      `Write numbers in "${source.column}", or set ${source.columnInput} to the column that holds them.`,
    );
  }
  // The engine's own search first (includes finds NaN): a column read cold is checked without a call per value.
  if (!column.values.includes(Number.NaN)) return column.values;
  let bad = 0;
  let first = -1;
  column.values.forEach((value, i) => {
    if (Number.isNaN(value)) {
      bad++;
      if (first < 0) first = i;
    }
  });
  if (bad > 0) {
    throw predictionColumnError(
      source,
      `${bad} of ${column.values.length} rows have no usable number (missing, not a number, NaN or infinite); the first is data row ${first + 1}.`,
      `Give every row a finite number in "${source.column}", or drop the rows without one before this step.`,
    );
  }
  return column.values;
}
