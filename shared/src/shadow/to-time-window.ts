import type { DataError } from "../core/modelgate-error.js";
import type { IdInterner } from "../data/table/id-interner.js";
import type { TableColumn } from "../data/table/table.js";
import { TimeWindowBuilder, type TimestampCells } from "./time-window-builder.js";

/**
 * The first and last timestamp of a log, in ms since the epoch, and whether rows are in time order, from its
 * timestamp cells as `TimeWindowBuilder` read them.
 * @throws the error `fail` builds when a timestamp is missing or cannot be read.
 */
export function toTimeWindow(
  cells: TimestampCells,
  fail: (message: string, hint: string) => DataError,
): { first: number; last: number; sorted: boolean } {
  if (cells.bad > 0) {
    throw fail(
      `has ${cells.bad} of ${cells.rows} rows whose timestamp is missing or unreadable; the first is data row ${cells.firstBad + 1}.`,
      "Log a timestamp on every row (ISO 8601 such as 2026-11-23T10:00:00Z, or epoch seconds or milliseconds), or set timestamp-column to the column that holds them.",
    );
  }
  const { first, last, sorted } = cells;
  return { first, last, sorted };
}

/**
 * The timestamp cells of a column read for another purpose (the timestamp column is also the score, a slice or the
 * join key): numbers as numbers, text as date-times; ids through the interner that holds their text.
 */
export function timestampsOfColumn(column: TableColumn, interner: IdInterner): TimestampCells {
  const builder = new TimeWindowBuilder();
  if (column.kind === "number") for (const value of column.values) builder.pushValue(value);
  else
    for (const code of column.codes)
      builder.pushDateTime(code < 0 ? undefined : (column.dictionary[code] ?? interner.text(code)));
  return builder.finish();
}
