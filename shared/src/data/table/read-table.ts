import { statSync } from "node:fs";
import type { Stats } from "node:fs";
import { DataError } from "../../core/modelgate-error.js";
import { emptyTableError } from "./empty-table-error.js";
import { parseTableFormat } from "./parse-table-format.js";
import type { TableFileType } from "./parse-table-format.js";
import { readDelimitedTable } from "./read-delimited-table.js";
import { MAX_ROW_CHARS, ReadLimits } from "../files/read-limits.js";
import { resolveInputPath } from "../files/resolve-input-path.js";
import type { FileAccess } from "../files/resolve-input-path.js";
import type { ColumnReadAs, ColumnRequest, ColumnRequests } from "./column-request.js";
import type { Table, TableColumn } from "./table.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";
import type { ColumnBuilder } from "./column-builder.js";
import { PartNeedsWholeFile } from "./table-part.js";
import type { TablePart } from "./table-part.js";

/** Every column of a file, read as `all` says, except those `as` names; each through `builder` when given. */
export interface AllColumns {
  all: ColumnReadAs;
  as?: ReadonlyMap<string, ColumnReadAs>;
  builder?: ColumnRequest["builder"];
}

export interface ReadTableOptions {
  /** The action input or CLI flag that named the file; every error names it. */
  input: string;
  /**
   * The columns to read; nothing else is kept. Names must be unique. `{ all }` reads every column of the
   * file, each as `all` says unless `as` names it; then a column name the file repeats is a DataError (it is ambiguous).
   * A function of the file's column names returns the requests once those are known (names unique).
   */
  columns: readonly ColumnRequest[] | AllColumns | ((fileColumns: readonly string[]) => readonly ColumnRequest[]);
  /** CSV/TSV rows (JSONL lines) longer than this many characters are a DataError naming the line; default 1 MiB. */
  maxRowChars?: number;
  /**
   * Only this part of a CSV, TSV or Parquet file (every pass of the read, the second one for auto columns too):
   * its rows and cells, with an empty `sha256`. @throws PartNeedsWholeFile when the part cannot be read alone.
   */
  part?: TablePart;
}

/**
 * Reads the requested columns of a CSV, TSV, JSONL/NDJSON (each optionally .gz) or Parquet file as a
 * column-wise `Table`, streaming with memory bounded by the output (contract §4), and digests the file's
 * bytes on the way for lineage. An "auto" column that turns out to be text after numeric cells is read
 * again as strings in a second pass over the file; the pass must see the same bytes. Every pass counts rows,
 * columns, uncompressed bytes and the memory its columns hold against `access.limits` (the defaults without).
 * @throws DataError naming the input and file: missing or unreadable file, unsupported extension, empty
 * file, missing required column, ragged CSV row, bad JSONL line, corrupt gzip or Parquet, file changed while read;
 * LimitError past a limit (rows, columns, bytes, memory).
 */
export function readTable(spec: string, access: FileAccess, options: ReadTableOptions): Promise<Table> {
  return readColumns<TableColumn>(spec, access, options);
}

/**
 * `readTable` for requests that bring their own builders (`ColumnRequest.builder`), whose finished columns are
 * `Column`s: the same passes, limits and errors. Requests without one get `TableColumn`s.
 */
export async function readColumns<Column>(
  spec: string,
  access: FileAccess,
  options: ReadTableOptions,
): Promise<Table<Column>> {
  const { input, columns: asked, maxRowChars = MAX_ROW_CHARS, part } = options;
  const limits = access.limits ?? new ReadLimits();
  const everyKey = !Array.isArray(asked);
  if (Array.isArray(asked)) assertUniqueNames(asked as readonly ColumnRequest[]);
  const type = parseTableFormat(spec, input);
  if (spec.startsWith("git:")) {
    throw new DataError(
      `Input "${input}": ${spec} names a file at a git ref, but tables are read from files on disk.`,
      `Write the file out in an earlier step (git show <ref>:<path> > <file>) and point ${input} at that file.`,
      { input, file: spec },
    );
  }
  const source: TableSource = { input, file: spec, absolute: resolveInputPath(spec, access, input) };
  const size = checkFile(source, access);
  if (!type.gzip && type.format !== "parquet") limits.guard(source).bytes(size, "file");
  let wanted: ColumnRequests = Array.isArray(asked)
    ? (asked as readonly ColumnRequest[])
    : typeof asked === "function"
      ? asked
      : everyColumn(asked as AllColumns);
  const pass = (requests: ColumnRequests) => readPass(source, type, requests, maxRowChars, limits, everyKey, part);
  // JSON Lines keys appear line by line, so reading every column takes one pass to learn them first.
  if (type.format === "jsonl" && typeof wanted === "function") wanted = wanted((await pass([])).fileColumns);
  const first = await pass(wanted);
  const requests = typeof wanted === "function" ? wanted(first.fileColumns) : wanted;
  // The one place a builder's column gets its type: the caller's builders make `Column`s.
  const finish = (builder: ColumnBuilder<unknown>) => builder.finish() as Column | undefined;
  const columns = new Map<string, Column | undefined>(
    [...first.builders].map(([name, builder]) => [name, finish(builder)]),
  );
  const again = requests.filter((request) => columns.has(request.name) && columns.get(request.name) === undefined);
  if (again.length > 0) {
    const second = await pass(again.map((request) => ({ ...request, as: "string" as const })));
    if (second.sha256 !== first.sha256) {
      throw new DataError(
        `Input "${input}": ${spec} changed while it was being read.`,
        `Make sure no other step writes ${spec} while this step runs.`,
        {
          input,
          file: spec,
        },
      );
    }
    for (const [name, builder] of second.builders) columns.set(name, finish(builder));
  }
  const ordered = new Map<string, Column>();
  for (const { name } of requests) {
    const column = columns.get(name);
    if (column) ordered.set(name, column);
  }
  const { sha256, bytes, rows, fileColumns, warnings } = first;
  return { name: spec, ...type, sha256, bytes, rows, columns: ordered, fileColumns, warnings };
}

/** Requests for every distinct column name of a file; a repeated name stays requested, so binding reports it. */
function everyColumn({ all, as, builder }: AllColumns): (fileColumns: readonly string[]) => ColumnRequest[] {
  return (fileColumns) =>
    [...new Set(fileColumns)].map((name) => ({
      name,
      required: true,
      as: as?.get(name) ?? all,
      ...(builder ? { builder } : {}),
    }));
}

/**
 * One pass of the file's reader. The JSONL and Parquet readers (hyparquet with them) are imported on first use, so a
 * bundle compiles them only in a run that reads such a file; their errors reach the caller unchanged.
 */
async function readPass(
  source: TableSource,
  type: TableFileType,
  requests: ColumnRequests,
  maxRowChars: number,
  limits: ReadLimits,
  everyKey: boolean,
  part: TablePart | undefined,
): Promise<TablePass> {
  switch (type.format) {
    case "csv":
      return readDelimitedTable(source, type.gzip, ",", requests, maxRowChars, limits, part);
    case "tsv":
      return readDelimitedTable(source, type.gzip, "\t", requests, maxRowChars, limits, part);
    case "jsonl": {
      if (part !== undefined) throw new PartNeedsWholeFile("JSON Lines are read whole");
      const { readJsonlTable } = await import("./read-jsonl-table.js");
      return readJsonlTable(
        source,
        type.gzip,
        requests as readonly ColumnRequest[],
        maxRowChars,
        limits.guard(source),
        everyKey,
      );
    }
    case "parquet": {
      const { readParquetTable } = await import("./read-parquet-table.js");
      if (part !== undefined && part.kind !== "rowGroups") throw new PartNeedsWholeFile("Parquet parts are row groups");
      return readParquetTable(source, requests, limits.guard(source), undefined, part);
    }
  }
}

/**
 * The file's size on disk. Looked up synchronously: an asynchronous stat is a trip to libuv's thread pool, the main
 * thread waiting on it, and a run's tables are read on the main thread anyway.
 */
function checkFile(source: TableSource, access: FileAccess): number {
  let info: Stats;
  try {
    info = statSync(source.absolute);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw notReadable(
      source,
      access,
      code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "unknown error"})`,
      cause,
    );
  }
  if (info.isDirectory()) throw notReadable(source, access, "is a folder, not a file");
  if (info.size === 0) throw emptyTableError(source, "is 0 bytes");
  return info.size;
}

function notReadable(source: TableSource, access: FileAccess, why: string, cause?: unknown): DataError {
  return new DataError(
    `Input "${source.input}": ${source.file} ${why} (looked at ${source.absolute}).`,
    `Check the path in ${source.input}; relative paths are resolved against ${access.workspace}.`,
    { input: source.input, file: source.file },
    { cause },
  );
}

function assertUniqueNames(requests: readonly ColumnRequest[]): void {
  const names = new Set<string>();
  for (const { name } of requests) {
    // A caller bug, not the user's: two requests for one column would disagree on how to read it.
    if (names.has(name)) throw new Error(`readTable: column "${name}" is requested twice.`);
    names.add(name);
  }
}
