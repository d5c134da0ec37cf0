import type { ColumnChunk, Compressors, FileMetaData, SchemaTree } from "hyparquet";
import { ParquetPageError } from "./page-header.js";
import type { FlatColumn } from "./decode-column-chunk.js";
import type { FlatType } from "./plain-values.js";
import { pageBuffer } from "./page-buffer.js";
import { SNAPPY_SPARE, snappyDecompress } from "./snappy.js";
import { wasmSnappyDecompress } from "./snappy-wasm.js";

/** Encodings whose pages `decodeColumnChunk` reads (RLE: levels and booleans). BIT_PACKED levels are not read. */
const ENCODINGS: ReadonlySet<string> = new Set(["PLAIN", "PLAIN_DICTIONARY", "RLE_DICTIONARY", "RLE"]);
const TYPES: ReadonlySet<string> = new Set(["BOOLEAN", "INT32", "INT64", "FLOAT", "DOUBLE", "BYTE_ARRAY"]);
/** Annotations under which the physical value is the cell as a Parquet reader gives it (no date, decimal, unsigned). */
const PLAIN_ANNOTATIONS: ReadonlySet<string | undefined> = new Set([
  undefined,
  "UTF8",
  "INT_8",
  "INT_16",
  "INT_32",
  "INT_64",
]);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A column the page decoder reads: how, and each row group's chunk of it. */
export interface FlatColumnPlan extends FlatColumn {
  chunks: readonly ColumnMetaDataLike[];
}

type ColumnMetaDataLike = NonNullable<ColumnChunk["meta_data"]>;

/**
 * How the page decoder reads the top-level column `child`, or undefined when it must be left to hyparquet: a
 * nested or repeated column, a type or annotation whose cells are not the physical values (dates, timestamps,
 * decimals, unsigned or 16-bit floats, JSON, UUID, INT96, fixed-length bytes), a chunk in another encoding than
 * PLAIN and dictionary (DELTA_*, BYTE_STREAM_SPLIT), listing BIT_PACKED levels for an optional column, in a codec no decompressor is
 * loaded for, or in another file; and anything on a big-endian machine.
 */
export function planFlatColumn(
  metadata: FileMetaData,
  child: SchemaTree,
  compressors: Compressors | undefined,
): FlatColumnPlan | undefined {
  const { element } = child;
  if (!LITTLE_ENDIAN || child.children.length > 0 || element.type === undefined || !TYPES.has(element.type))
    return undefined;
  if (element.repetition_type !== "REQUIRED" && element.repetition_type !== "OPTIONAL") return undefined;
  if (!PLAIN_ANNOTATIONS.has(element.converted_type)) return undefined;
  const logical = element.logical_type;
  if (logical !== undefined && logical.type !== "STRING" && !(logical.type === "INTEGER" && logical.isSigned))
    return undefined;
  if (logical?.type === "STRING" && element.type !== "BYTE_ARRAY") return undefined;
  if (element.converted_type === "UTF8" && element.type !== "BYTE_ARRAY") return undefined;
  const chunks: ColumnMetaDataLike[] = [];
  let codec: string | undefined;
  for (const group of metadata.row_groups) {
    const chunk = group.columns.find(
      (column) => column.meta_data?.path_in_schema.length === 1 && column.meta_data.path_in_schema[0] === element.name,
    );
    const meta = chunk?.meta_data;
    if (chunk === undefined || meta === undefined || chunk.file_path !== undefined || meta.type !== element.type)
      return undefined;
    // parquet-mr lists BIT_PACKED for the repetition levels a flat column never has: harmless where no levels are read.
    const required = element.repetition_type === "REQUIRED";
    if (!meta.encodings.every((encoding) => ENCODINGS.has(encoding) || (required && encoding === "BIT_PACKED")))
      return undefined;
    if (codec !== undefined && meta.codec !== codec) return undefined;
    codec = meta.codec;
    chunks.push(meta);
  }
  const decompress = decompressorOf(codec ?? "UNCOMPRESSED", compressors);
  if (decompress === undefined) return undefined;
  return { type: element.type as FlatType, optional: element.repetition_type === "OPTIONAL", decompress, chunks };
}

function decompressorOf(codec: string, compressors: Compressors | undefined): FlatColumn["decompress"] | undefined {
  const checked =
    (inflate: (input: Uint8Array, length: number, keep: boolean) => Uint8Array): FlatColumn["decompress"] =>
    (input, length, keep) => {
      let output: Uint8Array;
      try {
        output = inflate(input, length, keep);
      } catch (error) {
        throw new ParquetPageError(
          `a ${codec} page does not decompress (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      if (output.length !== length)
        throw new ParquetPageError(
          `a ${codec} page decompresses to ${output.length} bytes, not the ${length} its header says`,
        );
      return output;
    };
  if (codec === "UNCOMPRESSED") return checked((input) => input);
  if (codec === "SNAPPY") return checked(snappyPage);
  const inflate = compressors?.[codec as keyof Compressors];
  return inflate === undefined ? undefined : checked(inflate);
}

/**
 * A snappy page decompressed by the WebAssembly decoder (`wasmSnappyDecompress`) into its memory, reused from page to
 * page (a dictionary, `keep`, copied out), or where WebAssembly cannot run (`ulimit -v`) by `snappyDecompress`: a
 * data page into the page buffer reused from page to page (`pageBuffer`), a dictionary into its own. The JavaScript
 * decoder runs unoptimized, then is compiled and recompiled, through the first pages of each thread (tens of
 * milliseconds per thread on a file of numbers); the WebAssembly one is compiled once, in about a millisecond, and
 * is twice as fast warm. hysnappy's WebAssembly returned each page in a fresh buffer: 40 MiB of garbage per 40 MiB.
 */
export function snappyPage(input: Uint8Array, length: number, keep: boolean): Uint8Array {
  // A snappy element of n bytes gives at most 64/3 bytes per byte (a 3-byte copy of 64): a page header claiming
  // more is damaged, and is refused before a buffer of its claimed size is made.
  if (length > Math.ceil((input.length * 64) / 3))
    throw new Error(`its header says ${length} bytes, more than its ${input.length} compressed bytes can hold`);
  const decoded = wasmSnappyDecompress(input, length, keep);
  if (decoded !== undefined) return decoded;
  const output = keep ? new Uint8Array(new ArrayBuffer(length + SNAPPY_SPARE), 0, length) : pageBuffer(length);
  snappyDecompress(input, output, SNAPPY_SPARE);
  return output;
}
