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
