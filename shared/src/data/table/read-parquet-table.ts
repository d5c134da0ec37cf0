import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import type { AsyncBuffer, ColumnData, Compressors, FileMetaData } from "hyparquet";
import { DataError, ModelgateError } from "../../core/modelgate-error.js";
import { bindColumns } from "./bind-columns.js";
import type { ColumnBuilder } from "./column-builder.js";
import { createColumnBuilder } from "./create-column-builder.js";
import { loadParquetCompressors } from "./load-parquet-compressors.js";
import { formatByteSize } from "../../core/byte-size.js";
import { LimitError } from "../files/limit-error.js";
import { DOCUMENT_MEMORY_SHARE } from "../files/read-limits.js";
import type { TableGuard } from "../files/read-limits.js";
import { toStreamError } from "./stream-table-bytes.js";
import { resolveRequests } from "./column-request.js";
import type { ColumnRequests } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";
import type { TablePass } from "./table-pass.js";
import { planFlatColumn } from "./parquet/flat-column-plan.js";
import { footerLength } from "./parquet/footer-length.js";
import type { FlatColumnPlan } from "./parquet/flat-column-plan.js";
import { releasePageBuffers } from "./parquet/page-buffer.js";
import { ParquetPageError } from "./parquet/page-header.js";
import { readFlatChunk } from "./parquet/read-flat-chunk.js";
import { SequentialDigest } from "../files/sequential-digest.js";
import { openFileRanges } from "../files/file-ranges.js";
import type { FileRanges } from "../files/file-ranges.js";
import type { TablePart } from "./table-part.js";

/** Cells decoded at once: a row group larger than this is read in windows of rows (2^22 cells, ~200 MB of text values). */
const WINDOW_CELLS = 1 << 22;

/**
 * Reads the requested columns of a Parquet file, one row group at a time. Flat columns of plain types (numbers,
 * booleans, text) in PLAIN or dictionary encoding are decoded page by page straight into their builders
 * (`planFlatColumn`, `decodeColumnChunk`): memory is the output plus one column chunk, compressed, and one page.
 * Any other column (nested, dates, decimals, DELTA_* or BYTE_STREAM_SPLIT pages) goes through hyparquet, fetching
 * only its byte ranges: plus one row group of those columns, compressed, and at most 2^22 of its cells decoded (a
 * larger group is read in windows of rows, each skipping the pages before it). The digest needs every byte: the
 * flat columns' chunks are hashed as they are read, and the bytes between them read again for the hash alone. All
 * codecs are read: snappy by `snappyDecompress` into a reused buffer, the others by hyparquet-compressors (gzip,
 * brotli, zstd, lz4; and snappy for the columns hyparquet reads, else hyparquet's own), loaded on the first read of
 * a column that needs it. The footer's row count, column count and the requested columns' uncompressed size are
 * checked against the limits before any column is read. With a `part`, only its row groups are read and the file is
 * not digested (`sha256` empty): the caller hashes the file once.
 * @throws DataError when the file is not Parquet or is damaged, or a required column is missing; LimitError.
 */
export function readParquetTable(
  source: TableSource,
  requests: ColumnRequests,
  guard: TableGuard,
  windowCells = WINDOW_CELLS,
  part?: Extract<TablePart, { kind: "rowGroups" }>,
): Promise<TablePass> {
  return readParquetColumns(source, requests, guard, windowCells, part);
}

async function readParquetColumns(
  source: TableSource,
  requested: ColumnRequests,
  guard: TableGuard,
  windowCells: number,
  part?: Extract<TablePart, { kind: "rowGroups" }>,
): Promise<TablePass> {
  const { file, metadata } = await openParquet(source, guard, part?.footer);
  const schema = parquetSchema(metadata);
  const fileColumns = schema.children.map((child) => child.element.name);
  guard.columns(fileColumns.length);
  const requests = resolveRequests(requested, fileColumns);
  const { positions, warnings } = bindColumns(fileColumns, requests, source);
  const fileRows = Number(metadata.num_rows);
  guard.footerRows(fileRows);
  const groups = metadata.row_groups.slice(part?.start ?? 0, part?.end);
  const rows = part === undefined ? fileRows : groups.reduce((n, group) => n + Number(group.num_rows), 0);
  guard.bytes(uncompressedBytes(metadata, new Set(positions.keys())), "parquet");
  const builders = new Map<string, ColumnBuilder<unknown>>(
    requests
      .filter((request) => positions.has(request.name))
      .map((request) => [request.name, createColumnBuilder(request, rows, guard)]),
  );
  // Flat columns of the common types and encodings are decoded page by page straight into their builders; the rest
  // through hyparquet, which decodes every row it is asked for into JavaScript values: in windows of a row group.
  // Uncompressed and snappy chunks need no codec module: it is loaded (about 30 ms) only for a column in another codec.
  const flat = new Map<string, FlatColumnPlan>();
  const plan = (name: string, compressors: Compressors | undefined) => {
    const planned = planFlatColumn(metadata, schema.children[positions.get(name)!]!, compressors);
    if (planned) flat.set(name, planned);
  };
  for (const name of builders.keys()) plan(name, undefined);
  if (flat.size < builders.size) {
    const { compressors } = await loadParquetCompressors();
    if (compressors) for (const name of builders.keys()) if (!flat.has(name)) plan(name, compressors);
  }
  const rest = new Map([...builders].filter(([name]) => !flat.has(name)));
  const window = Math.max(1, Math.floor(windowCells / Math.max(1, rest.size)));
  const cached = groupCache(file);
  let ranges: FileRanges;
  try {
    ranges = openFileRanges(source.absolute);
  } catch (error) {
    throw toStreamError(error, source);
  }
  const digest = part === undefined ? new SequentialDigest(ranges) : undefined;
  // Rows are numbered from the file's first: a part's first group starts after the groups before it.
  const firstRow = metadata.row_groups.slice(0, part?.start ?? 0).reduce((n, group) => n + Number(group.num_rows), 0);
  let groupStart = firstRow;
  const chunkBuffer = { bytes: new Uint8Array(0) };
  try {
    for (const [at, group] of groups.entries()) {
      const index = at + (part?.start ?? 0);
      const groupEnd = groupStart + Number(group.num_rows);
      for (const [name, plan] of flat) {
        const rows = groupEnd - groupStart;
        try {
          readFlatChunk(ranges, file.byteLength, plan, index, rows, builders.get(name)!, chunkBuffer, digest);
        } catch (error) {
          if (!(error instanceof ParquetPageError)) throw toStreamError(error, source);
          throw corrupt(source, `column ${JSON.stringify(name)}, row group ${index}: ${error.message}`, error);
        }
      }
      for (let start = groupStart; rest.size > 0 && start < groupEnd; start += window) {
        await readRowGroup(cached.buffer, metadata, rest, start, Math.min(groupEnd, start + window), source);
      }
      cached.clear();
      groupStart = groupEnd;
    }
    if (groupStart - firstRow !== rows)
      throw corrupt(source, `its row groups hold ${groupStart} rows but its footer says ${rows}`);
    if (digest === undefined) return { rows, fileColumns, builders, warnings, sha256: "", bytes: file.byteLength };
    let hashed: { sha256: string; bytes: number };
    try {
      hashed = digest.finish();
    } catch (error) {
      throw toStreamError(error, source);
    }
    return { rows, fileColumns, builders, warnings, ...hashed };
  } finally {
    releasePageBuffers();
    ranges.close();
  }
}

/** What the footer says the named top-level columns hold uncompressed, over every row group. */
function uncompressedBytes(metadata: FileMetaData, names: ReadonlySet<string>): number {
  let bytes = 0;
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const top = chunk.meta_data?.path_in_schema[0];
      if (top !== undefined && names.has(top)) bytes += Number(chunk.meta_data!.total_uncompressed_size);
    }
  }
  return bytes;
}

/**
 * Refuses a footer larger than a file read whole may be (1/64 of the memory limit): it is parsed into an object per
 * column chunk of every row group, about ten times its bytes. @throws LimitError
 */
async function assertFooterSize(file: AsyncBuffer, source: TableSource, guard: TableGuard): Promise<void> {
  if (file.byteLength < 12) return;
  const footer = footerLength(new Uint8Array(await file.slice(file.byteLength - 8, file.byteLength)), file.byteLength);
  // Not Parquet's end (no "PAR1"), or a length past the file: damaged, and the parser says so.
  if (footer === undefined) return;
  assertFooterLength(footer, source, guard);
}

/** `assertFooterSize` of a footer `footer` bytes long. @throws LimitError */
function assertFooterLength(footer: number, source: TableSource, guard: TableGuard): void {
  const { limits } = guard;
  const most = Math.floor(limits.values.memory / DOCUMENT_MEMORY_SHARE);
  if (footer <= most) return;
  throw new LimitError(
    `Input "${source.input}": ${source.file} has a footer (its metadata) of ${formatByteSize(footer)}, more than the ${formatByteSize(most)} it may have (${limits.setting("memory")}, of which a file read whole and parsed may have 1/${DOCUMENT_MEMORY_SHARE}).`,
    `Write ${source.file} with fewer, larger row groups (pyarrow: row_group_size), or raise ${limits.setting("memory")}.`,
    source,
    { limit: "memory", value: most, reached: footer },
  );
}

/** The file with the byte ranges read for the current row group kept, so its windows fetch each column chunk once. */
function groupCache(file: AsyncBuffer): { buffer: AsyncBuffer; clear(): void } {
  const ranges = new Map<string, Promise<ArrayBuffer>>();
  const buffer: AsyncBuffer = {
    byteLength: file.byteLength,
    slice(start, end) {
      const key = `${start}:${end}`;
      let range = ranges.get(key);
      if (range === undefined) ranges.set(key, (range = Promise.resolve(file.slice(start, end))));
      return range;
    },
  };
  return { buffer, clear: () => ranges.clear() };
}

/** The file and its footer: `footer` when the part's plan parsed it already (its size is checked all the same). */
async function openParquet(
  source: TableSource,
  guard: TableGuard,
  footer: FileMetaData | undefined,
): Promise<{ file: AsyncBuffer; metadata: FileMetaData }> {
  const file = await asyncBufferFromFile(source.absolute).catch((error: unknown) => {
    throw corrupt(source, error instanceof Error ? error.message : String(error), error);
  });
  // A planned part's footer was read from this file's end, its length with it: checked without reading it again.
  if (footer === undefined) await assertFooterSize(file, source, guard);
  else assertFooterLength(footer.metadata_length, source, guard);
  try {
    const metadata = footer ?? (await parquetMetadataAsync(file));
    parquetSchema(metadata);
    return { file, metadata };
  } catch (error) {
    throw corrupt(source, error instanceof Error ? error.message : String(error), error);
  }
}

/** Feeds one row group's requested columns to the builders in row order; hyparquet may deliver chunks out of order. */
async function readRowGroup(
  file: AsyncBuffer,
  metadata: FileMetaData,
  builders: ReadonlyMap<string, ColumnBuilder<unknown>>,
  rowStart: number,
  rowEnd: number,
  source: TableSource,
): Promise<void> {
  const chunks: ColumnData[] = [];
  const { compressors, unavailable } = await loadParquetCompressors();
  try {
    await parquetRead({
      file,
      metadata,
      columns: [...builders.keys()],
      rowStart,
      rowEnd,
      compressors,
      onChunk: (chunk) => chunks.push(chunk),
    });
  } catch (error) {
    if (error instanceof ModelgateError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    if (unavailable && /unsupported compression codec/.test(why))
      throw new DataError(
        `Input "${source.input}": ${source.file} cannot be read here: ${why}, because ${unavailable}`,
        'Raise the memory limit, or write the file with snappy compression or none (pandas: to_parquet(compression="snappy")).',
        { input: source.input, file: source.file },
        { cause: error },
      );
    throw corrupt(source, `rows ${rowStart}-${rowEnd - 1}: ${why}`, error);
  }
  for (const [name, builder] of builders) {
    let next = rowStart;
    const own = chunks.filter((chunk) => chunk.columnName === name).sort((a, b) => a.rowStart - b.rowStart);
    for (const { columnData, rowStart: first } of own) {
      if (first > next) break;
      // Chunks may overlap the group's edges or each other; take each row once.
      const end = Math.min(columnData.length, rowEnd - first);
      for (let i = Math.max(0, next - first); i < end; i++) builder.pushValue(columnData[i]);
      next = Math.max(next, first + end);
    }
    if (next !== rowEnd)
      throw corrupt(
        source,
        `column ${JSON.stringify(name)} has values for rows ${rowStart}-${next - 1} of ${rowStart}-${rowEnd - 1}`,
      );
  }
}

function corrupt(source: TableSource, why: string, cause?: unknown): DataError {
  return new DataError(
    `Input "${source.input}": ${source.file} is not a readable Parquet file (${why}).`,
    `Check that ${source.file} is a complete Parquet file (pandas: to_parquet; pyarrow: pq.write_table) and was not truncated in upload or download.`,
    { input: source.input, file: source.file },
    { cause },
  );
}
