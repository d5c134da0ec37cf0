import { statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { CsvError } from "csv-parse";
import { DataError } from "../../core/modelgate-error.js";
import { bindColumns } from "./bind-columns.js";
import type { ColumnBuilder } from "./column-builder.js";
import { createColumnBuilder } from "./create-column-builder.js";
import { emptyTableError } from "./empty-table-error.js";
import type { ReadLimits, TableGuard } from "../files/read-limits.js";
import { streamTableBytes } from "./stream-table-bytes.js";
import { scanDelimitedPlain } from "./scan-delimited-plain.js";
import { resolveRequests } from "./column-request.js";
import type { ColumnRequest, ColumnRequests } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";
import { PartNeedsWholeFile } from "./table-part.js";
import type { TablePart } from "./table-part.js";

/**
 * One streaming pass over a CSV or TSV file (RFC 4180 quoting for both, as pandas writes them): the first
 * record is the header, blank lines are skipped, a UTF-8 BOM is dropped, and a quote inside an unquoted
 * field is kept as text (`5" screen`). Each record goes to the builders and is dropped. (csv-parse's
 * `on_record` hook would skip the stream's buffering, but it builds an info object per record: 60% slower.)
 * With a `part` (byte ranges of whole lines), only its bytes are read, by the byte-level pass alone.
 * @throws DataError for an empty file, a ragged row or broken quoting (with the line), or a missing required column;
 * PartNeedsWholeFile when a part holds what only the full parser reads (or is gzipped).
 */
export async function readDelimitedTable(
  source: TableSource,
  gzip: boolean,
  delimiter: "," | "\t",
  requests: ColumnRequests,
  maxRecordChars: number,
  limits: ReadLimits,
  part?: TablePart,
): Promise<TablePass> {
  if (part !== undefined && (gzip || part.kind !== "lines")) throw new PartNeedsWholeFile("not a plain text file");
  // Most machine-written files have no quotes: a byte-level pass reads them several times faster, and gives way
  // to the full parser below at the first thing it does not handle.
  const plainBuilders = new Map<string, ColumnBuilder<unknown>>();
  const plainWarnings: string[] = [];
  const fileBytes =
    part === undefined ? (gzip ? 0 : statSync(source.absolute).size) : part.ranges.reduce((n, [a, b]) => n + b - a, 0);
  const plainGuard = limits.guard(source);
  const plain = await scanDelimitedPlain(
    source,
    gzip,
    delimiter,
    requests,
    (header, asked, expectedRows) =>
      bindBuilders(header, asked, source, plainBuilders, plainWarnings, plainGuard, expectedRows),
    maxRecordChars,
    plainGuard,
    fileBytes,
    part?.ranges,
  );
  if (plain)
    return {
      rows: plain.rows,
      fileColumns: plain.fileColumns,
      builders: plainBuilders,
      warnings: plainWarnings,
      sha256: plain.sha256,
      bytes: plain.bytes,
    };
  // Quotes, a lone CR or a ragged row: the full parser reads from the file's start, for the lines of its errors.
  if (part !== undefined) throw new PartNeedsWholeFile("it needs the full CSV parser");
  // The full parser reads the file again from the start: what the byte-level pass held is dropped.
  plainBuilders.clear();
  plainGuard.release(plainGuard.held);
  const guard = limits.guard(source);
  // The full parser is loaded only for the files that need it (quotes, a lone CR, a ragged row): a bundle then
  // compiles csv-parse only in a run that reads such a file.
  const { CsvError: ParserError, parse } = await import("csv-parse");

  let fileColumns: string[] | undefined;
  let bound: ReadonlyArray<readonly [number, ColumnBuilder<unknown>]> = [];
  const builders = new Map<string, ColumnBuilder<unknown>>();
  const warnings: string[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
  });
  const consume = async (records: AsyncIterable<string[]>): Promise<void> => {
    for await (const record of records) {
      if (fileColumns === undefined) {
        guard.columns(record.length);
        fileColumns = record;
        bound = bindBuilders(record, resolveRequests(requests, record), source, builders, warnings, guard);
        continue;
      }
      guard.row();
      for (const [position, builder] of bound) builder.pushText(record[position]!);
    }
  };
  let stream;
  try {
    stream = await streamTableBytes(source, gzip, (chunks) => pipeline(chunks, parser, consume), guard);
  } catch (error) {
    throw error instanceof ParserError
      ? toCsvDataError(error, source, delimiter, fileColumns?.length, maxRecordChars)
      : error;
  }
  if (fileColumns === undefined) throw emptyTableError(source, "has no header row");
  return { rows: guard.rows, fileColumns, builders, warnings, ...stream };
}

/**
 * Creates the builders for the requested columns the header has, paired with their positions. An estimate of the
 * row count sizes them up front only while it is within the rows limit and half the memory left: an estimate from
 * the first rows can be far off, and must not turn into a refusal the data itself would not earn.
 */
function bindBuilders(
  header: readonly string[],
  requests: readonly ColumnRequest[],
  source: TableSource,
  builders: Map<string, ColumnBuilder<unknown>>,
  warnings: string[],
  guard: TableGuard,
  estimatedRows = 0,
): Array<readonly [number, ColumnBuilder<unknown>]> {
  const binding = bindColumns(header, requests, source);
  warnings.push(...binding.warnings);
  const { memory } = guard.limits.values;
  const upFront = estimatedRows * 8 * binding.positions.size;
  const expectedRows =
    estimatedRows <= guard.maxRows && upFront <= (memory - guard.limits.held) / 2 ? estimatedRows : 0;
  return requests.flatMap((request) => {
    const position = binding.positions.get(request.name);
    if (position === undefined) return [];
    const builder = createColumnBuilder(request, expectedRows, guard);
    builders.set(request.name, builder);
    return [[position, builder] as const];
  });
}

function toCsvDataError(
  error: CsvError,
  source: TableSource,
  delimiter: string,
  width: number | undefined,
  maxRecordChars: number,
): DataError {
  const line = typeof error.lines === "number" ? error.lines : undefined;
  const where = { input: source.input, file: source.file };
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return new DataError(
      `Input "${source.input}": ${source.file} line ${line} holds a row longer than ${maxRecordChars} characters (an unterminated quote, or a cell that is not tabular data).`,
      `Check the quoting around line ${line}; keep large text or binary blobs out of the data file (store a path or a digest instead).`,
      where,
      { cause: error },
    );
  }
  const separator = delimiter === "," ? "a comma" : "a tab";
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
    const fields = Array.isArray(error.record) ? error.record.length : undefined;
    // The parser reads ahead of the consumer, so the header may not have reached us yet; its own message has the width.
    width ??= Number(/expect (\d+)/.exec(error.message)?.[1]) || undefined;
    const has = fields === undefined ? "a different number of fields" : `${fields} field${fields === 1 ? "" : "s"}`;
    return new DataError(
      `Input "${source.input}": ${source.file} line ${line} has ${has}; the header has ${width}.`,
      `Quote fields that contain ${separator} or a line break ("a${delimiter === "," ? "," : "\\t"} b"), or fix line ${line} so every row has ${width} fields.`,
      where,
      { cause: error },
    );
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return new DataError(
      `Input "${source.input}": ${source.file} ends inside a quoted field: a quote opened before line ${line} is never closed.`,
      `Close every quoted field, and double any quote inside one ("" for "), as RFC 4180 and pandas' to_csv do.`,
      where,
      { cause: error },
    );
  }
  return new DataError(
    `Input "${source.input}": ${source.file} is not valid ${delimiter === "," ? "CSV" : "TSV"} at line ${line}: ${error.message}.`,
    `Fix line ${line} of ${source.file}, or re-export it with an RFC 4180 writer (pandas' to_csv, Python's csv module).`,
    where,
    { cause: error },
  );
}
