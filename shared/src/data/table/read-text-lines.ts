import { isAscii } from "node:buffer";
import { NeedsFullParser } from "./delimited-cells.js";
import type { DelimitedCells, FastDecode } from "./delimited-cells.js";

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;

/**
 * Reads the whole lines of `buf[from, to)` (which ends with a line feed) into `cells` as the byte loop of
 * `scanDelimitedPlain` reads them, but through the engine's own string functions, which run compiled from the first
 * call: the bytes are decoded at once (Latin-1 when all ASCII, else UTF-8, whose invalid bytes become U+FFFD as
 * they do cell by cell, since a separator or line feed always ends a sequence), split into lines (CRLF as LF, blank
 * lines skipped) and each line into its fields. A number position's cell that `Number()` reads as a finite number
 * and that starts as `parseNumberText`'s usual shapes do (a sign, a point, a digit, not a 0x/0o/0b prefix) is that
 * number, as `parseNumberText` gives it; any other cell goes to its builder as text, as the byte loop's do.
 * Returns where the byte loop is to go on: `to` when every line was read; the start of the lines when they hold
 * what the byte loop must meet itself to give up at the same row (a quote, a lone CR, or, with `maxRecordChars`
 * below their length, a row that may be too long). `readHeader` reads a header line found here, as bytes.
 */
export function readTextLines(
  cells: DelimitedCells,
  buf: FastDecode,
  from: number,
  to: number,
  maxRecordChars: number,
  readHeader: (buf: FastDecode, start: number, end: number, linesAfter: number) => void,
): number {
  if (maxRecordChars > 0 && to - from > maxRecordChars) return from;
  const quote = buf.indexOf(QUOTE, from);
  if (quote >= 0 && quote < to) return from;
  let start = from;
  let header = -1;
  if (cells.fileColumns === undefined) {
    while (start < to && buf[start] === NEWLINE) start++;
    // Blank lines ending in CRLF (or a lone CR) before the header: the byte loop reads those.
    if (start === to || buf[start] === CARRIAGE_RETURN) return start;
    header = start;
    start = buf.indexOf(NEWLINE, start) + 1;
  }
  let text = isAscii(buf.subarray(start, to)) ? buf.latin1Slice(start, to) : buf.utf8Slice(start, to);
  if (text.includes("\r")) {
    text = text.replaceAll("\r\n", "\n");
    // A lone CR: the byte loop gives way at its row (the header first, when it is here).
    if (text.includes("\r")) return header < 0 ? start : header;
  }
  const lines = text.split("\n");
  // The line feeds after the header's line, which the header reader would count to size the columns.
  if (header >= 0) readHeader(buf, header, start - 1, lines.length - 1);
  readRows(cells, lines);
  return to;
}

/** The rows of `lines` (blank ones skipped) into `cells`; @throws NeedsFullParser at a row of another width. */
function readRows(cells: DelimitedCells, lines: readonly string[]): void {
  const { delimiter, guard, positions, width, numeric, byPosition } = cells;
  const rows: string[][] = [];
  for (let l = 0; l < lines.length; l++) if (lines[l]!.length > 0) rows.push(lines[l]!.split(delimiter));
  const parsed = new Array<Float64Array | undefined>(width);
  /** The positions read row by row. */
  const visit: number[] = [];
  for (const field of positions) {
    const numbers = numeric[field] === 1 ? parseNumbers(rows, field) : undefined;
    const builder = byPosition[field]!;
    // Numbers that hold no more memory (a tally, or room the column holds already) cannot move a memory refusal to
    // another row: handed over at once, before the rows (a row of another width sends the file to the full parser).
    if (numbers !== undefined && (builder.numbersInRuns === true || (builder.roomForNumbers?.() ?? 0) >= rows.length)) {
      cells.flushNumbers(field);
      if (!builder.pushNumbers!(numbers, 0, numbers.length)) throw new NeedsFullParser();
      continue;
    }
    parsed[field] = numbers;
    visit.push(field);
  }
  for (let r = 0; r < rows.length; r++) {
    guard.row();
    readRow(cells, rows[r]!, r, visit, parsed);
  }
}

/** One row's cells into `cells`, as numbers when the position's numbers were parsed. */
function readRow(
  cells: DelimitedCells,
  fields: readonly string[],
  r: number,
  positions: readonly number[],
  parsed: ReadonlyArray<Float64Array | undefined>,
): void {
  const { numeric, byPosition, runs, filled, gather } = cells;
  const length = fields.length;
  for (let k = 0; k < positions.length; k++) {
    const field = positions[k]!;
    // A short row's cells are read up to its end, as the byte loop reads them before it finds the row short.
    if (field >= length) break;
    const cell = fields[field]!;
    if (numeric[field] === 1) {
      const numbers = parsed[field];
      const number = numbers === undefined ? Number(cell) : numbers[r]!;
      if (numbers !== undefined || (number - number === 0 && startsAsNumber(cell))) {
        runs[field]![filled[field]!++] = number;
        if (filled[field] === gather[field]) cells.flushNumbers(field);
        continue;
      }
      cells.readText(field, cell);
    } else byPosition[field]!.pushText(cell);
  }
  if (length !== cells.width) throw new NeedsFullParser();
}

/**
 * The cells at `field` of every row as numbers, when each is JSON's number syntax (which `Number()` and
 * `parseNumberText` read as the same double): parsed at once by `JSON.parse`. Otherwise undefined.
 */
function parseNumbers(rows: readonly string[][], field: number): Float64Array | undefined {
  const texts = new Array<string | undefined>(rows.length);
  for (let r = 0; r < rows.length; r++) texts[r] = rows[r]![field];
  const joined = texts.join(",");
  // Without these letters and brackets, JSON text holds numbers only (strings need the quotes no line here has).
  if (["t", "f", "n", "[", "{"].some((mark) => joined.includes(mark))) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(`[${joined}]`);
  } catch {
    return undefined;
  }
  // One value per row: no cell held a comma of its own (a TSV cell), so each held one number.
  if (!Array.isArray(values) || values.length !== rows.length) return undefined;
  const numbers = Float64Array.from(values as number[]);
  return numbers.includes(Infinity) || numbers.includes(-Infinity) ? undefined : numbers;
}

/** Whether a cell `Number()` reads as finite starts as `parseNumberText` reads it so: a sign, point or digit, no 0x/0o/0b. */
function startsAsNumber(cell: string): boolean {
  const first = cell.charCodeAt(0);
  return (
    (first >= 49 && first <= 57) ||
    first === 45 ||
    first === 46 ||
    first === 43 ||
    (first === 48 && !isRadixPrefix(cell.charCodeAt(1)))
  );
}

function isRadixPrefix(code: number): boolean {
  const lower = code | 0x20;
  return lower === 120 || lower === 111 || lower === 98; // x, o, b
}
