import type { TableColumn } from "./table.js";

/**
 * Receives one column's cells in row order, as text (CSV/TSV) or typed values (JSONL, Parquet), and makes a
 * `Column` of them: a `TableColumn` by default, or what a request's own builder makes (a streamed profile).
 */
export interface ColumnBuilder<Column = TableColumn> {
  pushText(text: string): void;
  pushValue(value: unknown): void;
  /**
   * Typed cells `values[start, end)`, each read as `pushValue` reads a number (a Parquet page's run of non-null
   * numbers): taken when the builder reads numbers (true), refused when it keeps text (false: push each value instead).
   */
  pushNumbers?(values: ArrayLike<number>, start: number, end: number): boolean;
  /** Whether `pushNumbers` would take numbers now; once false, false for good (an auto column turned to text). */
  readsNumbers?(): boolean;
  /**
   * True when numbers cost the builder no memory per cell (a profile's tally): a reader may then gather the numbers
   * it parses and hand them over in runs, as no limit can trip between them. Otherwise it hands each over as it is
   * read, so that a memory refusal names the row reading had reached.
   */
  readonly numbersInRuns?: boolean;
  /**
   * How many numbers `pushNumbers` can take now without holding more memory (the room left in the storage already
   * charged): a reader may gather that many into a run and still have a memory refusal name the row it reached.
   */
  roomForNumbers?(): number;
  /**
   * Text cells `dictionary[indices[i]]` for i in `[start, end)` (a Parquet page's dictionary-encoded run), each read
   * as `pushValue` reads a string: taken (true), or refused (false: push each text instead).
   */
  pushIndexed?(dictionary: readonly string[], indices: Int32Array, start: number, end: number): boolean;
  /**
   * A delimited file's cell as its UTF-8 bytes, for builders that can do without a string (interned ids, repeated
   * category values), read as `pushText` reads the bytes' text. A reader offers a number first when it can.
   */
  pushBytes?(bytes: Uint8Array, start: number, end: number): void;
  /** The finished column, or undefined for an "auto" column that must be read again as strings. */
  finish(): Column | undefined;
}

/** What one cell held, returned by the number builder so the auto builder can decide without re-parsing. */
export const CELL_NUMBER = 0;
export const CELL_MISSING = 1;
export const CELL_NON_FINITE = 2;
export const CELL_NON_NUMERIC = 3;
export type CellKind = typeof CELL_NUMBER | typeof CELL_MISSING | typeof CELL_NON_FINITE | typeof CELL_NON_NUMERIC;
