import type { ColumnBuilder } from "./column-builder.js";
import type { TableGuard } from "../files/read-limits.js";
import { DelimitedCells, NeedsFullParser } from "./delimited-cells.js";
import type { BindBuilders, FastDecode } from "./delimited-cells.js";
import { readTextLines } from "./read-text-lines.js";
import { streamTableBytes } from "./stream-table-bytes.js";
import type { ColumnRequests } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";

export type { BindBuilders } from "./delimited-cells.js";

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const LINE_FEED = Buffer.from("\n");
/** 10^0 … 10^15, each exact. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));
/** Reads of 1 MiB into one reused buffer: the pass keeps nothing of a chunk but the line it cuts (copied). */
const CHUNK_BYTES = 1 << 20;
/**
 * A first chunk shorter than this (a read that reached the end of a small file, or of a small .gz file's inflated
 * bytes) is read line by line through the engine's string functions (`readTextLines`): such a file is read before
 * the engine would compile the byte loop, and splitting its text natively costs a fraction of interpreting the loop
 * over its bytes. A large file is read by the byte loop from its first byte, as it compiles early there.
 */
const TEXT_BELOW = CHUNK_BYTES;

/**
 * A byte-level pass over a delimited file without quotes: the shape machine-written numeric data nearly always
 * has. Lines end in LF or CRLF, a leading UTF-8 BOM is dropped, blank lines are skipped. One pass over each 1 MiB
 * chunk finds the fields and reads a number cell's digits into its double on the way (as `parseDecimalBytes` does);
 * a cell that is no such number goes to its builder as bytes (`pushBytes`: repeated category values need no string)
 * or as one short string (Latin-1 decoding for ASCII, UTF-8 otherwise). No line string, no record array, no
 * per-record object. It gives up, returning undefined, at the first quote, lone CR, row with
 * another number of fields than the header, or row over `maxRecordChars` bytes: the full RFC 4180 parser then
 * reads the file from the start and reports any error with its line, exactly as before.
 */
export async function scanDelimitedPlain(
  source: TableSource,
  gzip: boolean,
  delimiter: "," | "\t",
  requests: ColumnRequests,
  bind: BindBuilders,
  maxRecordChars: number,
  /** Counts rows, columns and inflated bytes against the run's limits. */
  guard: TableGuard,
  /** The uncompressed size when known (0 otherwise): with the first rows' length, it sizes the columns up front. */
  fileBytes = 0,
  /** Only these byte ranges of the file (a `TablePart`'s), digesting nothing. */
  ranges?: ReadonlyArray<readonly [number, number]>,
  /** The first chunk is read as text when shorter than this (see TEXT_BELOW); 0 reads every byte in the byte loop. */
  textBelow = TEXT_BELOW,
): Promise<
  (Omit<TablePass, "builders" | "warnings"> & { bound: Array<readonly [number, ColumnBuilder<unknown>]> }) | undefined
> {
  const separator = delimiter.charCodeAt(0);
  const cells = new DelimitedCells(delimiter, requests, bind, guard);
  let first = true;

  const readHeader = (buf: FastDecode, start: number, end: number, linesAfter?: number): void => {
    if (end > start && buf[end - 1] === CARRIAGE_RETURN) end--;
    if (maxRecordChars > 0 && end - start > maxRecordChars) throw new NeedsFullParser();
    const header = buf.utf8Slice(start, end);
    if (header.includes('"') || header.includes("\r")) throw new NeedsFullParser();
    cells.readHeader(header, estimateRows(buf, end, fileBytes, linesAfter));
  };

  /** Reads the lines of `buf[from, to)`, which ends with a line feed: one pass over the bytes, no line strings. */
  const readLines = (buf: FastDecode, from: number, to: number): void => {
    let { width, numeric, runs, filled, gather } = cells;
    let i = from;
    while (i < to) {
      let byte = buf[i]!;
      // Blank lines (LF or CRLF) hold no row.
      if (byte === NEWLINE) {
        i++;
        continue;
      }
      if (byte === CARRIAGE_RETURN && buf[i + 1] === NEWLINE) {
        i += 2;
        continue;
      }
      if (cells.fileColumns === undefined) {
        const newline = buf.indexOf(NEWLINE, i);
        readHeader(buf, i, newline);
        ({ width, numeric, runs, filled, gather } = cells);
        i = newline + 1;
        continue;
      }
      guard.row();
      const lineStart = i;
      let field = 0;
      for (;;) {
        const start = i;
        if (field >= width) throw new NeedsFullParser();
        if (numeric[field] === 1) {
          // The usual number cell, [-]digits[.digits] with at most 15 digits, read in the pass that finds its end
          // (Clinger's fast path, as in `parseDecimalBytes`); any other byte leaves the cell to the general path.
          byte = buf[i]!;
          const negative = byte === 45;
          if (negative) byte = buf[++i]!;
          const digitsStart = i;
          let mantissa = 0;
          while (byte >= 48 && byte <= 57) {
            mantissa = mantissa * 10 + (byte - 48);
            byte = buf[++i]!;
          }
          let fraction = 0;
          let digits = i - digitsStart;
          if (byte === 46) {
            const point = i;
            byte = buf[++i]!;
            while (byte >= 48 && byte <= 57) {
              mantissa = mantissa * 10 + (byte - 48);
              byte = buf[++i]!;
            }
            fraction = i - point - 1;
            digits += fraction;
          }
          if (
            digits > 0 &&
            digits <= 15 &&
            (byte === separator || byte === NEWLINE || (byte === CARRIAGE_RETURN && buf[i + 1] === NEWLINE))
          ) {
            const value = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction]!;
            const run = runs[field]!;
            run[filled[field]!++] = negative ? -value : value;
            if (filled[field] === gather[field]) cells.flushNumbers(field);
            field++;
            if (byte !== separator) break;
            i++;
            continue;
          }
        }
        // Bytes before i, if any, were a sign, digits and a point: ASCII.
        let wide = 0;
        for (;;) {
          byte = buf[i]!;
          if (byte === separator || byte === NEWLINE) break;
          if (byte === CARRIAGE_RETURN) {
            if (buf[i + 1] === NEWLINE) break;
            throw new NeedsFullParser();
          }
          if (byte === QUOTE) throw new NeedsFullParser();
          wide |= byte & 0x80;
          i++;
        }
        cells.readCell(field, buf, start, i, wide);
        field++;
        if (byte !== separator) break;
        i++;
      }
      if (field !== width || (maxRecordChars > 0 && i - lineStart > maxRecordChars)) throw new NeedsFullParser();
      i += byte === CARRIAGE_RETURN ? 2 : 1;
    }
  };

  const consume = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    // The start of a line the last chunk cut, copied out so the chunk itself can go.
    let carry: Buffer | undefined;
    for await (const chunk of chunks) {
      const buf = chunk as FastDecode;
      let start = 0;
      const asText = first && buf.length < textBelow;
      if (first) {
        first = false;
        if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      }
      if (carry !== undefined) {
        const newline = buf.indexOf(NEWLINE);
        if (newline < 0) {
          carry = Buffer.concat([carry, buf]);
          if (maxRecordChars > 0 && carry.length > maxRecordChars) throw new NeedsFullParser();
          continue;
        }
        const line = Buffer.concat([carry, buf.subarray(0, newline + 1)]) as FastDecode;
        readLines(line, 0, line.length);
        carry = undefined;
        start = newline + 1;
      }
      const last = buf.lastIndexOf(NEWLINE);
      if (last >= start) {
        if (asText) start = readTextLines(cells, buf, start, last + 1, maxRecordChars, readHeader);
        if (start <= last) readLines(buf, start, last + 1);
        start = last + 1;
      }
      carry = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
      if (carry !== undefined && maxRecordChars > 0 && carry.length > maxRecordChars) throw new NeedsFullParser();
    }
    if (carry !== undefined) {
      const line = Buffer.concat([carry, LINE_FEED]) as FastDecode;
      readLines(line, 0, line.length);
    }
    cells.flushAll();
  };

  try {
    const stream = await streamTableBytes(source, gzip, consume, guard, CHUNK_BYTES, ranges);
    const { fileColumns, bound } = cells;
    if (fileColumns === undefined) return undefined;
    return { rows: guard.rows, fileColumns, bound, ...stream };
  } catch (error) {
    if (error instanceof NeedsFullParser) return undefined;
    throw error;
  }
}

/**
 * Rows to size columns for, from the file's size and the length of the rows after the header in the first chunk,
 * with 5% to spare; 0 (grow as needed) without a size or with fewer than 8 rows in sight. The rows are the line
 * feeds after `headerEnd` (the header's own after a CR), counted here unless the caller counted the `linesAfter` the
 * header's line.
 */
function estimateRows(buf: Buffer, headerEnd: number, fileBytes: number, linesAfter?: number): number {
  if (fileBytes <= 0) return 0;
  let rows = 0;
  let last = headerEnd;
  if (linesAfter !== undefined) {
    rows = linesAfter + (buf[headerEnd] === CARRIAGE_RETURN ? 1 : 0);
    if (rows > 0) last = buf.lastIndexOf(NEWLINE);
  }
  for (
    let newline = linesAfter === undefined ? buf.indexOf(NEWLINE, headerEnd + 1) : -1;
    newline >= 0;
    newline = buf.indexOf(NEWLINE, newline + 1)
  ) {
    rows++;
    last = newline;
  }
  if (rows < 8) return 0;
  return Math.ceil(((fileBytes - headerEnd) / ((last - headerEnd) / rows)) * 1.05) + 16;
}
