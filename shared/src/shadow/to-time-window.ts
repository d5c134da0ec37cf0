import type { DataError } from "../core/modelgate-error.js";
import type { TableColumn } from "../data/table/table.js";

/**
 * The first and last timestamp of a log, in ms since the epoch, and whether rows are in time order. Numbers are
 * epoch seconds (below 10¹¹, i.e. before the year 5138) or milliseconds; text is an ISO 8601 date-time.
 * @throws the error `fail` builds when a timestamp is missing or cannot be read.
 */
export function toTimeWindow(
  column: TableColumn,
  fail: (message: string, hint: string) => DataError,
): { first: number; last: number; sorted: boolean } {
  const rows = column.kind === "number" ? column.values.length : column.codes.length;
  let first = Infinity;
  let last = -Infinity;
  let previous = -Infinity;
  let sorted = true;
  let missing = 0;
  let firstBad = -1;
  const parsed =
    column.kind === "string"
      ? column.dictionary.map((text) => (/^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN))
      : [];
  for (let row = 0; row < rows; row++) {
    const time =
      column.kind === "number" ? toMillis(column.values[row] as number) : toCode(parsed, column.codes[row] as number);
    if (Number.isNaN(time)) {
      missing++;
      if (firstBad < 0) firstBad = row;
      continue;
    }
    if (time < previous) sorted = false;
    previous = time;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (missing > 0) {
    throw fail(
      `has ${missing} of ${rows} rows whose timestamp is missing or unreadable; the first is data row ${firstBad + 1}.`,
      "Log a timestamp on every row (ISO 8601 such as 2026-11-23T10:00:00Z, or epoch seconds or milliseconds), or set timestamp-column to the column that holds them.",
    );
  }
  return { first, last, sorted };
}

function toMillis(value: number): number {
  return value < 1e11 ? value * 1000 : value;
}

function toCode(parsed: readonly number[], code: number): number {
  return code < 0 ? Number.NaN : (parsed[code] as number);
}
