import type { ColumnBuilder } from "./column-builder.js";
import type { TableGuard } from "../files/read-limits.js";
import { parseDecimalBytes } from "./parse-decimal-bytes.js";
import { streamTableBytes } from "./stream-table-bytes.js";
import { resolveRequests } from "./column-request.js";
import type { ColumnRequest, ColumnRequests } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const LINE_FEED = Buffer.from("\n");
/** 10^0 … 10^15, each exact. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));
/** Numbers gathered per position for a builder that takes runs, and in all (a wide file gets shorter runs). */
const MAX_RUN = 4096;
const FIRST_RUN = 16;
const MAX_RUN_VALUES = 1 << 18;
/** Reads of 1 MiB into one reused buffer: the pass keeps nothing of a chunk but the line it cuts (copied). */
const CHUNK_BYTES = 1 << 20;

/** Thrown inside the scan when the file needs the full parser; never leaves this module. */
class NeedsFullParser extends Error {}

/** Binds the header to builders, as the full parser does (same positions, warnings and errors). */
export type BindBuilders = (
  header: readonly string[],
  requests: readonly ColumnRequest[],
  expectedRows: number,
) => Array<readonly [number, ColumnBuilder<unknown>]>;

// Buffer's own decoders, without toString's argument checks (they are on every Buffer, in Node 20 and 24 alike).
type FastDecode = Buffer & {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};

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
): Promise<
  (Omit<TablePass, "builders" | "warnings"> & { bound: Array<readonly [number, ColumnBuilder<unknown>]> }) | undefined
> {
  const separator = delimiter.charCodeAt(0);
  let fileColumns: string[] | undefined;
  /** Builder of each field position, undefined for columns not requested. */
  let byPosition: Array<ColumnBuilder<unknown> | undefined> = [];
  let bound: Array<readonly [number, ColumnBuilder<unknown>]> = [];
  let width = 0;
  let first = true;

  /** Numbers are tried first for each position whose builder reads them, until its column turns to text. */
  let numeric = new Uint8Array(0);
  /** The numbers read for each such position and not yet handed over, and how many: runs of one unless the builder takes runs. */
  let runs: Float64Array[] = [];
  let filled = new Int32Array(0);
  let runLengths = new Int32Array(0);

  const readHeader = (buf: FastDecode, start: number, end: number): void => {
    if (end > start && buf[end - 1] === CARRIAGE_RETURN) end--;
    if (maxRecordChars > 0 && end - start > maxRecordChars) throw new NeedsFullParser();
    const header = buf.utf8Slice(start, end);
    if (header.includes('"') || header.includes("\r")) throw new NeedsFullParser();
    fileColumns = header.split(delimiter);
    width = fileColumns.length;
    guard.columns(width);
    bound = bind(fileColumns, resolveRequests(requests, fileColumns), estimateRows(buf, end, fileBytes));
    byPosition = new Array<ColumnBuilder<unknown> | undefined>(width);
    numeric = new Uint8Array(width);
    runs = new Array<Float64Array>(width);
    filled = new Int32Array(width);
    runLengths = new Int32Array(width);
    const runLength = Math.max(1, Math.min(MAX_RUN, Math.floor(MAX_RUN_VALUES / width)));
    for (const [position, builder] of bound) {
      byPosition[position] = builder;
      if (builder.pushNumbers === undefined) continue;
      numeric[position] = 1;
      runs[position] = new Float64Array(builder.numbersInRuns === true ? Math.min(FIRST_RUN, runLength) : 1);
      runLengths[position] = builder.numbersInRuns === true ? runLength : 1;
    }
  };

  /** Hands the numbers read for a position over to its builder. */
  const flushNumbers = (field: number): void => {
    const count = filled[field]!;
    if (count === 0) return;
    filled[field] = 0;
    // Never refused: a position stops reading numbers as soon as its builder does (after a text cell).
    const run = runs[field]!;
    if (!byPosition[field]!.pushNumbers!(run, 0, count)) throw new NeedsFullParser();
    // Runs start short, so the code that hands them over runs early (while the engine still learns the code).
    if (run.length < runLengths[field]!) runs[field] = new Float64Array(Math.min(4 * run.length, runLengths[field]!));
  };

  /** A cell to its builder: as a number read from its bytes when it can be, else as bytes or text. */
  const readCell = (field: number, buf: FastDecode, start: number, end: number, wide: number): void => {
    const builder = byPosition[field];
    if (builder === undefined) return;
    if (numeric[field] === 1) {
      const number = parseDecimalBytes(buf, start, end);
      const run = runs[field]!;
      if (number === number) {
        run[filled[field]!++] = number;
        if (filled[field] === run.length) flushNumbers(field);
        return;
      }
      flushNumbers(field);
    }
    if (builder.pushBytes !== undefined) builder.pushBytes(buf, start, end);
    else builder.pushText(wide === 0 ? buf.latin1Slice(start, end) : buf.utf8Slice(start, end));
    // A text cell can turn an auto column to text: no more numbers to try then.
    if (numeric[field] === 1 && builder.readsNumbers?.() === false) numeric[field] = 0;
  };

  /** Reads the lines of `buf[from, to)`, which ends with a line feed: one pass over the bytes, no line strings. */
  const readLines = (buf: FastDecode, from: number, to: number): void => {
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
      if (fileColumns === undefined) {
        const newline = buf.indexOf(NEWLINE, i);
        readHeader(buf, i, newline);
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
            if (filled[field] === run.length) flushNumbers(field);
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
        readCell(field, buf, start, i, wide);
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
        readLines(buf, start, last + 1);
        start = last + 1;
      }
      carry = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
      if (carry !== undefined && maxRecordChars > 0 && carry.length > maxRecordChars) throw new NeedsFullParser();
    }
    if (carry !== undefined) {
      const line = Buffer.concat([carry, LINE_FEED]) as FastDecode;
      readLines(line, 0, line.length);
    }
    for (let field = 0; field < width; field++) if (numeric[field] === 1) flushNumbers(field);
  };

  try {
    const stream = await streamTableBytes(source, gzip, consume, guard, CHUNK_BYTES, ranges);
    if (fileColumns === undefined) return undefined;
    return { rows: guard.rows, fileColumns, bound, ...stream };
  } catch (error) {
    if (error instanceof NeedsFullParser) return undefined;
    throw error;
  }
}

/**
 * Rows to size columns for, from the file's size and the length of the rows after the header in the first chunk,
 * with 5% to spare; 0 (grow as needed) without a size or with fewer than 8 rows in sight.
 */
function estimateRows(buf: Buffer, headerEnd: number, fileBytes: number): number {
  if (fileBytes <= 0) return 0;
  let rows = 0;
  let last = headerEnd;
  for (let newline = buf.indexOf(NEWLINE, headerEnd + 1); newline >= 0; newline = buf.indexOf(NEWLINE, newline + 1)) {
    rows++;
    last = newline;
  }
  if (rows < 8) return 0;
  return Math.ceil(((fileBytes - headerEnd) / ((last - headerEnd) / rows)) * 1.05) + 16;
}
