import type { FileRanges } from "../../files/file-ranges.js";
import type { ColumnBuilder } from "../column-builder.js";
import { decodeColumnChunk } from "./decode-column-chunk.js";
import type { FlatColumnPlan } from "./flat-column-plan.js";
import { ParquetPageError } from "./page-header.js";
import type { SequentialDigest } from "../../files/sequential-digest.js";

/** A buffer one file's reads reuse from chunk to chunk (each chunk is decoded before the next is read). */
export interface ChunkBuffer {
  bytes: Uint8Array;
}

/**
 * Reads row group `group`'s chunk of a planned column from `file` (its bytes from the dictionary page, or the first
 * data page, to the footer's compressed size) into `buffer`, grown as needed, hands the bytes to `digest` (when the file is hashed), and
 * decodes its `rows` cells into `builder`.
 * @throws ParquetPageError when the chunk lies outside the file or its pages are damaged or unsupported.
 */
export function readFlatChunk(
  file: FileRanges,
  fileBytes: number,
  plan: FlatColumnPlan,
  group: number,
  rows: number,
  builder: ColumnBuilder<unknown>,
  buffer: ChunkBuffer,
  digest: SequentialDigest | undefined,
): void {
  const meta = plan.chunks[group]!;
  const data = Number(meta.data_page_offset);
  const dictionary = meta.dictionary_page_offset === undefined ? undefined : Number(meta.dictionary_page_offset);
  // Some writers set the dictionary offset to 0 when there is none: the chunk starts at whichever page comes first.
  const start = dictionary !== undefined && dictionary > 0 && dictionary < data ? dictionary : data;
  const length = Number(meta.total_compressed_size);
  if (!(start >= 0 && length >= 0 && start + length <= fileBytes))
    throw new ParquetPageError(`a column chunk at bytes ${start}-${start + length} lies outside the file`);
  // Grown to the chunk rounded up to 1 MiB, so chunks of slightly different sizes do not each grow it.
  if (buffer.bytes.length < length) buffer.bytes = new Uint8Array(Math.ceil(length / 2 ** 20) * 2 ** 20);
  const read = file.read(start, buffer.bytes.subarray(0, length));
  const bytes = buffer.bytes.subarray(0, read);
  digest?.cover(start, bytes);
  if (read < length) throw new ParquetPageError(`the file ends inside a column chunk at byte ${start + read}`);
  decodeColumnChunk(bytes, plan, rows, builder);
}
