import { StringDecoder } from "node:string_decoder";
import { DataError } from "../../core/modelgate-error.js";
import { missingRequired } from "./bind-columns.js";
import type { ColumnBuilder } from "./column-builder.js";
import { createColumnBuilder } from "./create-column-builder.js";
import { emptyTableError } from "./empty-table-error.js";
import { isBlankText } from "./is-blank-text.js";
import { JsonLineSyntaxError, parseJsonLine } from "./parse-json-line.js";
import type { TableGuard } from "../files/read-limits.js";
import { streamTableBytes } from "./stream-table-bytes.js";
import type { ColumnRequest } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";

const OPEN_BRACE = 123;

/** Beyond this many distinct keys, keys are data (one per user id, say), not columns; stop listing them. */
const MAX_LISTED_KEYS = 10_000;

/**
 * One streaming pass over a JSON Lines file: one object per line, blank lines skipped, CRLF and a leading BOM
 * accepted. A key absent from a line is a missing cell; a requested key absent from every line is an absent
 * column. Keys are looked up as own properties, so a column named "constructor" is not Object's. With `everyKey`
 * (the pass that learns the columns of a file read whole) every distinct key is a column, so the columns limit
 * applies to them; otherwise keys are only listed, up to 10,000.
 * @throws DataError for an empty file, a line that is not JSON or not an object (with its line number), or a missing required column.
 */
export async function readJsonlTable(
  source: TableSource,
  gzip: boolean,
  requests: readonly ColumnRequest[],
  maxLineChars: number,
  guard: TableGuard,
  everyKey = false,
): Promise<TablePass> {
  const names = requests.map((request) => request.name);
  const columnBuilders = requests.map((request) => createColumnBuilder(request, 0, guard));
  const present = new Uint8Array(requests.length);
  // A parsed object's own values are never undefined, so a plain lookup finds a key; only names Object.prototype
  // also has ("constructor", "toString") need the own-property test.
  const inherited = Uint8Array.from(names, (name) => (name in Object.prototype ? 1 : 0));
  const keys = new Set<string>();
  const listed = everyKey ? Number.POSITIVE_INFINITY : MAX_LISTED_KEYS;
  let lineNumber = 0;
  // One call per line, the columns in an indexed loop: a short log is read before the engine optimizes this.
  const readLine = (line: string): void => {
    lineNumber++;
    if (maxLineChars > 0 && line.length > maxLineChars) throw lineTooLong(source, lineNumber, maxLineChars);
    if (line.charCodeAt(0) !== OPEN_BRACE && isBlankText(line)) return;
    const row = parseRow(line, lineNumber, source);
    guard.row();
    if (keys.size < listed) {
      for (const key in row) keys.add(key);
      if (everyKey) guard.columns(keys.size);
    }
    for (let c = 0; c < names.length; c++) {
      const name = names[c]!;
      let value = row[name];
      if (value !== undefined && inherited[c] === 1 && !Object.hasOwn(row, name)) value = undefined;
      if (value !== undefined) present[c] = 1;
      columnBuilders[c]!.pushValue(value);
    }
  };
  const tooLong = () => lineTooLong(source, lineNumber + 1, maxLineChars);
  const stream = await streamTableBytes(
    source,
    gzip,
    (chunks) => splitLines(chunks, readLine, (count) => (lineNumber += count), maxLineChars, tooLong),
    guard,
  );
  const rows = guard.rows;
  if (rows === 0) throw emptyTableError(source, "has no JSON lines");
  const absent = requests.filter((request, c) => request.required && present[c] === 0).map(({ name }) => name);
  if (absent.length > 0) throw missingRequired(absent, [...keys], source);
  const builders = new Map<string, ColumnBuilder<unknown>>();
  requests.forEach(({ name }, c) => {
    if (present[c] === 1) builders.set(name, columnBuilders[c]!);
  });
  const warnings =
    keys.size >= listed
      ? [
          `${source.file} has ${MAX_LISTED_KEYS} or more distinct keys; only the first ${MAX_LISTED_KEYS} are listed as its columns.`,
        ]
      : [];
  return { rows, fileColumns: [...keys], builders, warnings, ...stream };
}

/**
 * Calls `readLine` for each line of UTF-8 text, without the line break (LF or CRLF) and without a leading BOM;
 * a run of empty lines is counted through `emptyLines` at once. A line still open past `maxLineChars` (+1 for a CR)
 * is refused as it grows, before it is held whole.
 */
async function splitLines(
  chunks: AsyncIterable<Buffer>,
  readLine: (line: string) => void,
  emptyLines: (count: number) => void,
  maxLineChars: number,
  tooLong: () => DataError,
): Promise<void> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // Search only the new text: re-scanning `pending` would make one very long line quadratic.
    let start = 0;
    let end = text.indexOf("\n");
    if (end >= 0) {
      readLine(stripCr(pending + text.slice(0, end)));
      pending = "";
      start = end + 1;
      while ((end = text.indexOf("\n", start)) >= 0) {
        if (end === start) {
          // Empty lines hold no row: counted as a run (a .gz of blank lines is cheap to make), not read one by one.
          let run = start;
          while (run < text.length && text.charCodeAt(run) === 10) run++;
          emptyLines(run - start);
          start = run;
          continue;
        }
        readLine(stripCr(text.slice(start, end)));
        start = end + 1;
      }
    }
    pending += text.slice(start);
    if (maxLineChars > 0 && pending.length > maxLineChars + 1) throw tooLong();
  }
  pending += decoder.end();
  if (pending.length > 0) readLine(stripCr(pending));
}

function stripCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

function lineTooLong(source: TableSource, lineNumber: number, maxLineChars: number): DataError {
  return new DataError(
    `Input "${source.input}": ${source.file} line ${lineNumber} is longer than ${maxLineChars} characters.`,
    `Keep large text or binary blobs out of the data file (store a path or a digest instead), or check that line ${lineNumber} is not several rows run together.`,
    { input: source.input, file: source.file },
  );
}

function parseRow(line: string, lineNumber: number, source: TableSource): Record<string, unknown> {
  let value: unknown;
  try {
    // The usual line is JSON: parsed here, one call fewer; the others go through parseJsonLine's repairs.
    value = JSON.parse(line);
  } catch {
    value = reparseRow(line, lineNumber, source);
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  const what = Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
  throw new DataError(
    `Input "${source.input}": ${source.file} line ${lineNumber} is ${what}, not a JSON object.`,
    `Write each row as an object of column names to values, e.g. {"label": 1, "score": 0.8}.`,
    { input: source.input, file: source.file },
  );
}

/** A line JSON.parse refused, read by `parseJsonLine` (bare NaN and ±Infinity). */
function reparseRow(line: string, lineNumber: number, source: TableSource): unknown {
  try {
    return parseJsonLine(line);
  } catch (error) {
    if (!(error instanceof JsonLineSyntaxError)) throw error;
    throw new DataError(
      `Input "${source.input}": ${source.file} line ${lineNumber} is ${error.message}.`,
      `Write one complete JSON object per line (pandas: to_json(orient="records", lines=True)); a JSON document spread over several lines is not JSON Lines.`,
      { input: source.input, file: source.file },
    );
  }
}
