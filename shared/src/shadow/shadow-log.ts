import type { IdInterner } from "../data/table/id-interner.js";
import type { StringColumn } from "../data/table/table.js";

/** The column names every log is read with (the action's column inputs). */
export interface ShadowColumnNames {
  joinKey: string;
  prediction: string;
  score: string;
  latency: string;
  timestamp: string;
  slices: readonly string[];
}

/** One model's log, read column-wise: only the columns the comparison needs. */
export interface ShadowLog {
  /** "production" or "shadow": the input that named the file. */
  input: string;
  /** The path as the user gave it. */
  file: string;
  sha256: string;
  rows: number;
  /** The request id of each row as a code of `interner` (its dictionary is empty; -1 where missing). */
  ids: StringColumn;
  /** Holds the ids' text; the production and shadow logs share one, so equal ids have equal codes. */
  interner: IdInterner;
  /** Predicted classes as text (so "1" and "yes" stay what they are); absent without a prediction column. */
  predictions?: StringColumn;
  /** Scores (finite or NaN where missing); absent without a score column. */
  scores?: Float64Array;
  /** Latencies, all finite and ≥ 0; absent without a latency column. */
  latencies?: Float64Array;
  /** Time window of the log in ms since the epoch, when a timestamp column is read. */
  window?: { first: number; last: number; sorted: boolean };
  /** Slice column name → its values; only slice columns the file has. */
  slices: ReadonlyMap<string, StringColumn>;
  warnings: readonly string[];
}

/** The request id of row `row`, or undefined where missing. */
export function requestId(log: Pick<ShadowLog, "ids" | "interner">, row: number): string | undefined {
  const code = log.ids.codes[row] as number;
  return code < 0 ? undefined : log.interner.text(code);
}

/** The value of row `row` of a string column, or undefined where missing. */
export function cellText(column: StringColumn, row: number): string | undefined {
  const code = column.codes[row] as number;
  return code < 0 ? undefined : column.dictionary[code];
}
