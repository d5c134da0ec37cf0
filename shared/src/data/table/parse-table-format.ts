import path from "node:path";
import { DataError } from "../../core/modelgate-error.js";
import type { TableFormat } from "./table.js";

/** The format a file's name asks for, and whether its bytes are gzip-wrapped. */
export interface TableFileType {
  format: TableFormat;
  gzip: boolean;
}

const EXTENSIONS: ReadonlyArray<readonly [string, TableFormat]> = [
  [".csv", "csv"],
  [".tsv", "tsv"],
  [".jsonl", "jsonl"],
  [".ndjson", "jsonl"],
  [".parquet", "parquet"],
];

/** The extensions `readTable` accepts, as listed in error messages and docs. */
export const TABLE_EXTENSIONS: readonly string[] = [
  ...EXTENSIONS.filter(([, format]) => format !== "parquet").flatMap(([ext]) => [ext, `${ext}.gz`]),
  ".parquet",
];

/**
 * Picks the reader by extension, case-insensitively, as contract §4 says; content is never sniffed, so a
 * renamed file fails loudly instead of being half-read. Parquet compresses inside the file: no `.parquet.gz`.
 * @throws DataError naming the input and file, listing the accepted extensions.
 */
export function parseTableFormat(name: string, input: string): TableFileType {
  const lower = name.toLowerCase();
  const gzip = lower.endsWith(".gz");
  const base = gzip ? lower.slice(0, -3) : lower;
  const match = EXTENSIONS.find(([ext]) => base.endsWith(ext));
  if (match && !(gzip && match[1] === "parquet")) return { format: match[1], gzip };
  const last = path.extname(name);
  const found = (last.toLowerCase() === ".gz" ? path.extname(name.slice(0, -3)) + last : last) || "(none)";
  throw new DataError(
    `Input "${input}": ${name} has extension "${found}"; tables must be ${TABLE_EXTENSIONS.join(", ")}.`,
    gzip && match?.[1] === "parquet"
      ? `Parquet compresses its pages itself: point ${input} at the uncompressed .parquet file.`
      : `Save the table in one of these formats and name the file to match, e.g. predictions.csv or predictions.parquet.`,
    { input, file: name },
  );
}
