import type { HeldMemory } from "./block-array.js";
import type { ColumnBuilder } from "./column-builder.js";
import type { IdInterner } from "./id-interner.js";

/** How a requested column is read: as numbers, as strings, or numbers only if every present cell is numeric. */
export type ColumnReadAs = "number" | "string" | "auto";

/** One column a gate needs from a table; the reader reads these and nothing else. */
export interface ColumnRequest {
  /** Column name exactly as in the header (CSV/TSV), the key (JSONL) or the top-level field (Parquet). */
  name: string;
  /** A required column that is absent is a DataError; an optional one is left out of `Table.columns`. */
  required: boolean;
  as: ColumnReadAs;
  /**
   * Read a text column as ids interned here: its codes are the interner's codes (shared by every column read
   * with it) and its dictionary stays empty; the interner holds the text. For join keys of large logs.
   */
  interner?: IdInterner;
  /**
   * Makes the column's builder in place of the default one for `as` (called again with `as: "string"` for an auto
   * column read a second time): a caller that keeps something else than the cells, such as a streamed profile.
   */
  builder?: (request: ColumnRequest, expectedRows: number, memory?: HeldMemory) => ColumnBuilder<unknown>;
}

/**
 * The columns to read: a list fixed in advance, or a function of the file's column names (called once the
 * header, Parquet schema or JSONL keys are known) for a caller that reads every column.
 */
export type ColumnRequests = readonly ColumnRequest[] | ((fileColumns: readonly string[]) => readonly ColumnRequest[]);

/** Resolves `ColumnRequests` against the file's column names. */
export function resolveRequests(requests: ColumnRequests, fileColumns: readonly string[]): readonly ColumnRequest[] {
  return typeof requests === "function" ? requests(fileColumns) : requests;
}
