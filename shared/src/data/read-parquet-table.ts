import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import type { AsyncBuffer, ColumnData, FileMetaData } from "hyparquet";
import { DataError, ModelgateError } from "../errors/modelgate-error.js";
import { bindColumns } from "./bind-columns.js";
import type { ColumnBuilder } from "./column-builder.js";
import { createColumnBuilder } from "./create-column-builder.js";
import { loadParquetCompressors } from "./load-parquet-compressors.js";
import { streamTableBytes } from "./stream-table-bytes.js";
import { resolveRequests } from "./table.js";
import type { ColumnRequests, TableSource } from "./table.js";
import type { TablePass } from "./table-pass.js";

/**
 * Reads the requested columns of a Parquet file, one row group at a time, fetching only those columns'
 * byte ranges (hyparquet plans the reads from the footer); memory is the output plus one row group of the
 * requested columns. The digest needs every byte, so a second, sequential stream hashes the file meanwhile.
 * All codecs are read (hyparquet-compressors, loaded on the first read, adds gzip, brotli, zstd, lz4 to hyparquet's snappy).
 * @throws DataError when the file is not Parquet or is damaged, or a required column is missing.
 */
export async function readParquetTable(source: TableSource, requests: ColumnRequests): Promise<TablePass> {
  const digest = streamTableBytes(source, false, async (chunks) => {
    for await (const chunk of chunks) void chunk;
  });
  // Settle the hash even if reading fails first, so its rejection is never unhandled.
  const [hashed, columns] = await Promise.allSettled([digest, readParquetColumns(source, requests)]);
  if (columns.status === "rejected") throw columns.reason;
  if (hashed.status === "rejected") throw hashed.reason;
  return { ...columns.value, ...hashed.value };
}

async function readParquetColumns(source: TableSource, requested: ColumnRequests): Promise<Omit<TablePass, "sha256" | "bytes">> {
  const { file, metadata } = await openParquet(source);
  const fileColumns = parquetSchema(metadata).children.map((child) => child.element.name);
  const requests = resolveRequests(requested, fileColumns);
  const { positions, warnings } = bindColumns(fileColumns, requests, source);
  const rows = Number(metadata.num_rows);
  const builders = new Map<string, ColumnBuilder>(
    requests.filter((request) => positions.has(request.name)).map((request) => [request.name, createColumnBuilder(request, rows)]),
  );
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    if (builders.size > 0 && groupEnd > groupStart) await readRowGroup(file, metadata, builders, groupStart, groupEnd, source);
    groupStart = groupEnd;
  }
  if (groupStart !== rows) throw corrupt(source, `its row groups hold ${groupStart} rows but its footer says ${rows}`);
  return { rows, fileColumns, builders, warnings };
}

async function openParquet(source: TableSource): Promise<{ file: AsyncBuffer; metadata: FileMetaData }> {
  try {
    const file = await asyncBufferFromFile(source.absolute);
    const metadata = await parquetMetadataAsync(file);
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
  builders: ReadonlyMap<string, ColumnBuilder>,
  rowStart: number,
  rowEnd: number,
  source: TableSource,
): Promise<void> {
  const chunks: ColumnData[] = [];
  const { compressors, unavailable } = await loadParquetCompressors();
  try {
    await parquetRead({ file, metadata, columns: [...builders.keys()], rowStart, rowEnd, compressors, onChunk: (chunk) => chunks.push(chunk) });
  } catch (error) {
    if (error instanceof ModelgateError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    if (unavailable && /unsupported compression codec/.test(why)) throw new DataError(`Input "${source.input}": ${source.file} cannot be read here: ${why}, because ${unavailable}`, "Raise the memory limit, or write the file with snappy compression or none (pandas: to_parquet(compression=\"snappy\")).", { input: source.input, file: source.file }, { cause: error });
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
    if (next !== rowEnd) throw corrupt(source, `column ${JSON.stringify(name)} has values for rows ${rowStart}-${next - 1} of ${rowStart}-${rowEnd - 1}`);
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
