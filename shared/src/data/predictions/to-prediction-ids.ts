import type { PredictionColumnSource } from "./predictions.js";
import { predictionColumnError } from "./prediction-column-error.js";
import type { TableColumn } from "../table/table.js";

/**
 * The example ids of a predictions file, as text, every one present and unique so rows pair by id.
 * @throws DataError naming the input, file and column: missing ids (how many, first data row) or duplicated ids
 * (how many, and the first one repeated).
 */
export function toPredictionIds(column: TableColumn, source: PredictionColumnSource): string[] {
  const ids =
    column.kind === "string"
      ? Array.from(column.codes, (code) => (code < 0 ? undefined : column.dictionary[code]))
      : Array.from(column.values, (value) => (Number.isNaN(value) ? undefined : String(value)));
  const missing = ids.filter((id) => id === undefined).length;
  if (missing > 0) {
    throw predictionColumnError(
      source,
      `${missing} of ${ids.length} rows have no id; the first is data row ${ids.indexOf(undefined) + 1}.`,
      `Give every row an id in "${source.column}", or set ${source.columnInput} to a column of unique ids.`,
    );
  }
  const seen = new Set<string>();
  let duplicates = 0;
  let first: { id: string; row: number } | undefined;
  (ids as string[]).forEach((id, i) => {
    if (!seen.has(id)) return void seen.add(id);
    duplicates++;
    first ??= { id, row: i + 1 };
  });
  if (first) {
    throw predictionColumnError(
      source,
      `${duplicates} rows repeat an earlier id; the first is ${JSON.stringify(first.id.slice(0, 40))} at data row ${first.row}.`,
      `Make the ids in "${source.column}" unique (one row per example), or set ${source.columnInput} to a column that is.`,
    );
  }
  return ids as string[];
}
