import type { ColumnBuilder } from "./column-builder.js";
import type { TableGuard } from "../files/read-limits.js";
import { streamTableBytes } from "./stream-table-bytes.js";
import { resolveRequests } from "./column-request.js";
import type { ColumnRequest, ColumnRequests } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;

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
 * has. Lines end in LF or CRLF, a leading UTF-8 BOM is dropped, blank lines are skipped, and each field of a
 * requested column becomes one short string (Latin-1 decoding for ASCII, UTF-8 otherwise) for its builder; no
 * record array, no per-record object. It gives up, returning undefined, at the first quote, lone CR, row with
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

  const readLine = (buf: FastDecode, start: number, end: number): void => {
    if (end > start && buf[end - 1] === CARRIAGE_RETURN) end--;
    if (end === start) return;
    if (maxRecordChars > 0 && end - start > maxRecordChars) throw new NeedsFullParser();
    if (fileColumns === undefined) {
      const header = buf.utf8Slice(start, end);
      if (header.includes('"') || header.includes("\r")) throw new NeedsFullParser();
      fileColumns = header.split(delimiter);
      width = fileColumns.length;
      guard.columns(width);
      bound = bind(fileColumns, resolveRequests(requests, fileColumns), estimateRows(buf, end, fileBytes));
      byPosition = new Array<ColumnBuilder<unknown> | undefined>(width);
      for (const [position, builder] of bound) byPosition[position] = builder;
      return;
    }
    guard.row();
    let field = 0;
    let fieldStart = start;
    let wide = 0;
    for (let i = start; i <= end; i++) {
      const byte = i === end ? separator : buf[i]!;
      if (byte === separator) {
        if (field >= width) throw new NeedsFullParser();
        const builder = byPosition[field];
        if (builder?.pushBytes !== undefined) builder.pushBytes(buf, fieldStart, i);
        else if (builder !== undefined) {
          const number = builder.pushParsedNumber === undefined ? Number.NaN : parsePlainDecimal(buf, fieldStart, i);
          if (number !== number || !builder.pushParsedNumber!(number))
            builder.pushText(wide === 0 ? buf.latin1Slice(fieldStart, i) : buf.utf8Slice(fieldStart, i));
        }
        field++;
        fieldStart = i + 1;
        wide = 0;
      } else if (byte === QUOTE || byte === CARRIAGE_RETURN) {
        throw new NeedsFullParser();
      } else {
        wide |= byte & 0x80;
      }
    }
    if (field !== width) throw new NeedsFullParser();
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
        const line = Buffer.concat([carry, buf.subarray(0, newline)]) as FastDecode;
        readLine(line, 0, line.length);
        carry = undefined;
        start = newline + 1;
      }
      for (let newline = buf.indexOf(NEWLINE, start); newline >= 0; newline = buf.indexOf(NEWLINE, start)) {
        readLine(buf, start, newline);
        start = newline + 1;
        // A run of empty lines holds no row: skipped at the byte, not line by line (a .gz of blank lines is cheap to make).
        while (start < buf.length && buf[start] === NEWLINE) start++;
      }
      carry = start < buf.length ? Buffer.from(buf.subarray(start)) : undefined;
      if (carry !== undefined && maxRecordChars > 0 && carry.length > maxRecordChars) throw new NeedsFullParser();
    }
    if (carry !== undefined) readLine(carry as FastDecode, 0, carry.length);
  };

  try {
    const stream = await streamTableBytes(source, gzip, consume, guard);
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

/** 10^0 … 10^15, each exactly representable. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Reads `[-+]digits[.digits]` with at most 15 digits in all straight from the bytes, NaN for anything else (an
 * exponent, more digits, spaces, a lone sign or point). With at most 15 digits the digits form an integer below
 * 2^53 and the power of ten is exact, so their quotient is the correctly rounded double: what `Number()` gives for
 * the same text (Clinger's fast path). Every other shape goes through `parseNumberText`.
 */
export function parsePlainDecimal(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === 45 || buf[i] === 43)) {
    negative = buf[i] === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const byte = buf[i]!;
    if (byte >= 48 && byte <= 57) {
      mantissa = mantissa * 10 + (byte - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (byte === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa;
  return negative ? -value : value;
}
