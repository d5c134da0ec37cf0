import type { FileMetaData } from "hyparquet";

/**
 * A piece of one file read alone, so two threads can read one file at once: a CSV or TSV as byte ranges of whole
 * lines (the header's range first, then a run of data lines), or a Parquet file's row groups `[start, end)`. A
 * part's pass digests nothing (its `sha256` is empty): the caller hashes the file once. A Parquet part planned on
 * this thread carries the footer the plan parsed (`footer`), which its read uses rather than parse it again.
 */
export type TablePart =
  | { kind: "lines"; ranges: ReadonlyArray<readonly [number, number]> }
  | { kind: "rowGroups"; start: number; end: number; footer?: FileMetaData };

/**
 * Thrown by a part's read when the part cannot be read alone the way the whole file would be: a CSV part with
 * quotes, a lone CR or a ragged row (the full parser then reads the file from its start, for its lines), a gzipped or
 * JSON Lines file. The caller reads the whole file instead, which reports any error as a read of the file does.
 */
export class PartNeedsWholeFile extends Error {
  constructor(why: string) {
    super(`this part of the file cannot be read alone: ${why}`);
    this.name = "PartNeedsWholeFile";
  }
}
