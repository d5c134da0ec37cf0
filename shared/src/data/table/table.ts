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

/**
 * A column of numbers. `values[i]` is finite or NaN, never ±Infinity, so one `Number.isNaN` test tells
 * "no usable number"; the three counts say why (they add up to the NaN count).
 */
export interface NumberColumn {
  kind: "number";
  name: string;
  values: Float64Array;
  /** Empty or whitespace-only text, JSON null or an absent key, Parquet null. */
  missing: number;
  /** Present but not a number: "n/a", "1,5", "0x1F", true, a nested object. */
  nonNumeric: number;
  /** NaN or infinity spellings ("NaN", "-inf", "Infinity"), overflow such as "1e999", and typed NaN/±Infinity. */
  nonFinite: number;
}

/**
 * A column of strings, dictionary-encoded: row i holds `dictionary[codes[i]]`, or is missing when
 * `codes[i]` is -1. The dictionary is in order of first appearance, so equal input gives equal codes.
 */
export interface StringColumn {
  kind: "string";
  name: string;
  codes: Int32Array;
  dictionary: readonly string[];
  /** The empty string, JSON null or an absent key, Parquet null. */
  missing: number;
}

export type TableColumn = NumberColumn | StringColumn;

export type TableFormat = "csv" | "tsv" | "jsonl" | "parquet";

/**
 * A table read column-wise: only the requested columns, plus what lineage and reports need about the file. Its
 * columns are `TableColumn`s, or what the requests' own builders made.
 */
export interface Table<Column = TableColumn> {
  /** The path exactly as the user gave it; reports show this. */
  name: string;
  format: TableFormat;
  gzip: boolean;
  /** Hex SHA-256 of the file's bytes on disk (the compressed bytes for .gz). */
  sha256: string;
  /** Size of the file on disk in bytes. */
  bytes: number;
  /** Data rows, the header excluded. */
  rows: number;
  /** The requested columns that the file has, in request order; an absent optional column is not here. */
  columns: ReadonlyMap<string, Column>;
  /** Every column name in the file, in file order (JSONL: keys in order of first appearance). */
  fileColumns: readonly string[];
  /** Sentences about things that did not stop the read, such as duplicate names among unrequested columns. */
  warnings: readonly string[];
}
