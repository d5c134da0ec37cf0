import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { MAX_ROW_CHARS } from "../files/read-limits.js";
import { footerLength } from "./parquet/footer-length.js";
import type { TableFileType } from "./parse-table-format.js";
import type { TablePart } from "./table-part.js";

/** Below this size a file is read in one part: a second thread costs more to start (30–50 ms) than it saves. */
export const MIN_SPLIT_BYTES = 8 * 2 ** 20;
/** A Parquet footer larger than this is not parsed to plan parts: the file is read whole, which checks it. */
const MAX_PLANNED_FOOTER = 4 * 2 ** 20;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/**
 * The two parts a table file is read in, one per thread, decided by the file's bytes alone (never by the cores or
 * the timing, so the same file is always split the same way), or undefined when it is read whole: under `minBytes`,
 * gzipped, JSON Lines, Parquet with one row group, or a CSV/TSV whose header or a line end after the midpoint is not
 * within a row's length (`MAX_ROW_CHARS`).
 *
 * CSV/TSV: the first part is the bytes before `split`, the second the header's line and then the bytes from `split`,
 * which follows the first line feed at or after the middle of the file. A line feed ends a record unless it is inside
 * a quoted field; each part is read by the byte-level pass alone, which refuses any quote (`PartNeedsWholeFile`), so
 * two parts read prove a file without quotes, where the split is a record's end. A line feed is never a byte of a
 * multi-byte UTF-8 character, so no character is cut.
 * Parquet: row groups [0, k) and [k, n), k the group boundary nearest half the file's rows (none when either part
 * would hold under an eighth of them).
 */
export async function planTableParts(
  absolute: string,
  type: TableFileType,
  size: number,
  minBytes = MIN_SPLIT_BYTES,
): Promise<[TablePart, TablePart] | undefined> {
  if (size < minBytes || type.gzip || type.format === "jsonl") return undefined;
  if (type.format === "parquet") return planRowGroups(absolute);
  const fd = openSync(absolute, "r");
  try {
    const headerEnd = lineEndAfterHeader(fd);
    const split = headerEnd === undefined ? undefined : nextLineStart(fd, Math.max(headerEnd, Math.floor(size / 2)));
    if (headerEnd === undefined || split === undefined || split >= size) return undefined;
    return [
      { kind: "lines", ranges: [[0, split]] },
      {
        kind: "lines",
        ranges: [
          [0, headerEnd],
          [split, size],
        ],
      },
    ];
  } finally {
    closeSync(fd);
  }
}

/** The offset just past the header line's line feed (after a BOM and blank lines), if within a row's length. */
function lineEndAfterHeader(fd: number): number | undefined {
  const bytes = readAt(fd, 0, MAX_ROW_CHARS + 3);
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (;;) {
    if (bytes[i] === NEWLINE) i++;
    else if (bytes[i] === CARRIAGE_RETURN && bytes[i + 1] === NEWLINE) i += 2;
    else break;
  }
  const newline = bytes.indexOf(NEWLINE, i);
  return newline < 0 ? undefined : newline + 1;
}

/** The offset just past the first line feed at or after `from - 1` (so the offset is `from` or later), if near. */
function nextLineStart(fd: number, from: number): number | undefined {
  const start = Math.max(0, from - 1);
  const newline = readAt(fd, start, MAX_ROW_CHARS + 1).indexOf(NEWLINE);
  return newline < 0 ? undefined : start + newline + 1;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    const read = readSync(fd, bytes, at, length - at, position + at);
    if (read === 0) break;
    at += read;
  }
  return bytes.subarray(0, at);
}

async function planRowGroups(absolute: string): Promise<[TablePart, TablePart] | undefined> {
  const { parquetMetadata } = await import("hyparquet");
  try {
    const tail = readFooterBytes(absolute);
    if (tail === undefined) return undefined;
    const footer = parquetMetadata(tail);
    const groups = footer.row_groups.map((group) => Number(group.num_rows));
    const total = groups.reduce((n, rows) => n + rows, 0);
    // The k that halves the rows best (the first such); none when the smaller part would hold under an eighth.
    let k = 0;
    let best = Infinity;
    for (let at = 1, before = groups[0]!; at < groups.length; before += groups[at++]!) {
      if (Math.abs(2 * before - total) < best) [k, best] = [at, Math.abs(2 * before - total)];
    }
    if (k === 0 || best > (3 / 4) * total) return undefined;
    return [
      { kind: "rowGroups", start: 0, end: k, footer },
      { kind: "rowGroups", start: k, end: groups.length, footer },
    ];
  } catch {
    // A damaged file: read whole, which says what is wrong with it.
    return undefined;
  }
}

/**
 * A Parquet file's footer with its length and "PAR1" (what `parquetMetadata` parses), read in two reads of the
 * file: undefined when the file does not end as Parquet does or the footer is larger than `MAX_PLANNED_FOOTER`.
 * Read here at once: hyparquet's file reader streams its last 512 KiB, which took both threads 10–40 ms of waiting.
 */
function readFooterBytes(absolute: string): Uint8Array | undefined {
  const fd = openSync(absolute, "r");
  try {
    const size = fstatSync(fd).size;
    if (size < 8) return undefined;
    const footer = footerLength(readAt(fd, size - 8, 8), size);
    if (footer === undefined || footer > MAX_PLANNED_FOOTER) return undefined;
    const tail = readAt(fd, size - 8 - footer, footer + 8);
    return tail.length === footer + 8 ? tail : undefined;
  } finally {
    closeSync(fd);
  }
}
