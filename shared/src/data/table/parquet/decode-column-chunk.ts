import type { ColumnBuilder } from "../column-builder.js";
import {
  DATA_PAGE,
  DATA_PAGE_V2,
  DICTIONARY_PAGE,
  PLAIN,
  PLAIN_DICTIONARY,
  ParquetPageError,
  RLE,
} from "./page-header.js";
import { RLE_DICTIONARY, readPageHeader } from "./page-header.js";
import type { PageHeader } from "./page-header.js";
import { alignedBuffer } from "./page-buffer.js";
import { decodePlain } from "./plain-values.js";
import type { FlatType, PageValues } from "./plain-values.js";
import { decodeRleHybrid, opensWithRunOfOnes } from "./rle-hybrid.js";

/** How one flat column's chunks are decoded. */
export interface FlatColumn {
  type: FlatType;
  /** OPTIONAL (definition levels of width 1 on every data page) rather than REQUIRED. */
  optional: boolean;
  /**
   * The page's bytes uncompressed to `length` bytes; the identity for an uncompressed chunk. Unless `keep` (a
   * dictionary, used by the pages after it), the bytes may be a buffer reused by the next page's call.
   */
  decompress(input: Uint8Array, length: number, keep: boolean): Uint8Array;
}

/**
 * Decodes one column chunk of a flat (top-level, non-repeated) column, `bytes` holding its pages from its first
 * (dictionary) page, and pushes its `rows` cells to `builder` in row order: nulls as null, numbers through
 * `pushNumbers` in runs where the builder takes them, other values one by one, as the typed values a Parquet reader
 * gives (INT64 as bigint, text as string, booleans). Data pages v1 and v2; PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY
 * values, and RLE booleans; RLE definition levels. A dictionary index is looked up per cell, never widened to a row.
 * @throws ParquetPageError for a page the format does not allow here or that this decoder does not read.
 */
export function decodeColumnChunk(
  bytes: Uint8Array,
  column: FlatColumn,
  rows: number,
  builder: ColumnBuilder<unknown>,
): void {
  let offset = 0;
  let read = 0;
  let dictionary: PageValues | undefined;
  while (read < rows) {
    if (offset >= bytes.length) throw new ParquetPageError(`its pages hold ${read} of the chunk's ${rows} rows`);
    const header = readPageHeader(bytes, offset, bytes.length);
    const end = header.dataStart + header.compressedSize;
    if (header.compressedSize < 0 || header.uncompressedSize < 0 || end > bytes.length)
      throw new ParquetPageError("a page runs past the end of its column chunk");
    if (header.type === DICTIONARY_PAGE) {
      if (header.encoding !== PLAIN && header.encoding !== PLAIN_DICTIONARY)
        throw unsupported(`a dictionary page in encoding ${header.encoding}`);
      const page = column.decompress(bytes.subarray(header.dataStart, end), header.uncompressedSize, true);
      dictionary = decodePlain(page, 0, page.length, column.type, header.values, false);
    } else if (header.type === DATA_PAGE || header.type === DATA_PAGE_V2) {
      if (header.values < 0 || read + header.values > rows)
        throw new ParquetPageError(`a data page holds rows past the chunk's ${rows}`);
      decodeDataPage(bytes.subarray(header.dataStart, end), header, column, dictionary, builder);
      read += header.values;
    }
    // Index pages and pages of unknown types carry no cells.
    offset = end;
  }
}

/** Text cells as indices into a dictionary page's texts, for a builder that takes them so (`pushIndexed`). */
interface IndexedTexts {
  dictionary: string[];
  indices: Int32Array;
}

let levels = new Int32Array(0);
let indices = new Int32Array(0);

function decodeDataPage(
  raw: Uint8Array,
  header: PageHeader,
  column: FlatColumn,
  dictionary: PageValues | undefined,
  builder: ColumnBuilder<unknown>,
): void {
  const count = header.values;
  let page: Uint8Array;
  let start: number;
  let present = count;
  // Levels to read: an optional column's page, unless they are one run of ones (no nulls).
  let nulls = false;
  if (levels.length < count) levels = new Int32Array(count);
  if (header.type === DATA_PAGE) {
    page = column.decompress(raw, header.uncompressedSize, false);
    start = 0;
    if (column.optional) {
      if (header.definitionEncoding !== RLE)
        throw unsupported(`definition levels in encoding ${header.definitionEncoding}`);
      if (page.length < 4) throw new ParquetPageError("a data page ends before its definition levels");
      const length = (page[0]! | (page[1]! << 8) | (page[2]! << 16) | (page[3]! << 24)) >>> 0;
      if (4 + length > page.length) throw new ParquetPageError("its definition levels run past the end of the page");
      nulls = !opensWithRunOfOnes(page, 4, 4 + length, count);
      if (nulls) decodeRleHybrid(page, 4, 4 + length, 1, count, levels);
      start = 4 + length;
    }
  } else {
    if (header.repetitionBytes !== 0) throw new ParquetPageError("a flat column's page has repetition levels");
    const levelBytes = header.definitionBytes;
    if (levelBytes < 0 || levelBytes > raw.length)
      throw new ParquetPageError("its definition levels run past the end of the page");
    if (column.optional) {
      nulls = !opensWithRunOfOnes(raw, 0, levelBytes, count);
      if (nulls) decodeRleHybrid(raw, 0, levelBytes, 1, count, levels);
    } else if (levelBytes !== 0) throw new ParquetPageError("a required column's page has definition levels");
    const values = raw.subarray(levelBytes);
    page = header.compressed ? column.decompress(values, header.uncompressedSize - levelBytes, false) : values;
    start = 0;
  }
  if (nulls) {
    present = 0;
    for (let i = 0; i < count; i++) present += levels[i]!;
  }
  const values = decodeValues(page, start, header.encoding, column.type, present, dictionary, builder);
  // A page without nulls is one run of values.
  deliver(builder, present < count ? levels : undefined, count, values);
}

function decodeValues(
  page: Uint8Array,
  start: number,
  encoding: number,
  type: FlatType,
  count: number,
  dictionary: PageValues | undefined,
  builder: ColumnBuilder<unknown>,
): PageValues | IndexedTexts {
  if (encoding === PLAIN) return decodePlain(page, start, page.length, type, count, true);
  if (encoding === RLE && type === "BOOLEAN") {
    if (start + 4 > page.length) throw new ParquetPageError("a page ends before its RLE booleans");
    const length = (page[start]! | (page[start + 1]! << 8) | (page[start + 2]! << 16) | (page[start + 3]! << 24)) >>> 0;
    if (indices.length < count) indices = new Int32Array(count);
    decodeRleHybrid(page, start + 4, Math.min(page.length, start + 4 + length), 1, count, indices);
    return Array.from(indices.subarray(0, count), (bit) => bit === 1);
  }
  if (encoding !== PLAIN_DICTIONARY && encoding !== RLE_DICTIONARY) throw unsupported(`values in encoding ${encoding}`);
  if (dictionary === undefined)
    throw new ParquetPageError("a dictionary-encoded page comes before any dictionary page");
  if (count === 0) return dictionary.slice(0, 0) as PageValues;
  if (start >= page.length) throw new ParquetPageError("a page ends before its dictionary indices");
  if (indices.length < count) indices = new Int32Array(count);
  const width = page[start]!;
  decodeRleHybrid(page, start + 1, page.length, width, count, indices);
  if (builder.pushIndexed === undefined || !Array.isArray(dictionary) || type !== "BYTE_ARRAY")
    return gather(dictionary, indices, count);
  const size = dictionary.length;
  // Indices of `width` bits are all below 2^width: inside a dictionary at least that large without a look.
  if (width > 30 || 2 ** width > size) checkIndices(indices, count, size);
  return { dictionary: dictionary as string[], indices };
}

/** @throws ParquetPageError when one of `indices[0, count)` is outside a dictionary of `size` entries. */
function checkIndices(indices: Int32Array, count: number, size: number): void {
  for (let i = 0; i < count; i++) if (indices[i]! >= size || indices[i]! < 0) throw pastDictionary(indices[i]!, size);
}

/**
 * The dictionary's entries at `indices[0, count)`, in a container of the dictionary's kind: numbers in a typed
 * array over the reused `alignedBuffer` (delivered before the next page is decoded).
 */
function gather(dictionary: PageValues, indices: Int32Array, count: number): PageValues {
  const size = dictionary.length;
  let out: PageValues;
  if (Array.isArray(dictionary)) out = new Array<unknown>(count) as PageValues;
  else {
    const kind = dictionary.constructor as TypedArrayKind;
    out = new kind(alignedBuffer(count * kind.BYTES_PER_ELEMENT).buffer as ArrayBuffer, 0, count);
  }
  for (let i = 0; i < count; i++) {
    const index = indices[i]!;
    if (index < 0 || index >= size) throw pastDictionary(index, size);
    (out as unknown[])[i] = (dictionary as unknown as ArrayLike<unknown>)[index];
  }
  return out as PageValues;
}

type TypedArrayKind = {
  new (buffer: ArrayBuffer, offset: number, length: number): Exclude<PageValues, unknown[]>;
  readonly BYTES_PER_ELEMENT: number;
};

function pastDictionary(index: number, size: number): ParquetPageError {
  return new ParquetPageError(`a dictionary index ${index} is past the dictionary's ${size} entries`);
}

let scratch = new Float64Array(0);

/** Pushes a page's cells: `levels[i]` 0 is a null; present cells take the next value in turn. */
function deliver(
  builder: ColumnBuilder<unknown>,
  levels: Int32Array | undefined,
  count: number,
  values: PageValues | IndexedTexts,
): void {
  let next = 0;
  for (let i = 0; i < count;) {
    if (levels !== undefined && levels[i] === 0) {
      builder.pushValue(null);
      i++;
      continue;
    }
    let stop = i + 1;
    if (levels !== undefined) while (stop < count && levels[stop] !== 0) stop++;
    else stop = count;
    pushRun(builder, values, next, next + stop - i);
    next += stop - i;
    i = stop;
  }
}

function pushRun(builder: ColumnBuilder<unknown>, values: PageValues | IndexedTexts, start: number, end: number): void {
  if ("indices" in values) {
    const { dictionary, indices } = values;
    if (builder.pushIndexed?.(dictionary, indices, start, end)) return;
    let turned = false;
    for (let i = start; i < end; i++) {
      builder.pushValue(dictionary[indices[i]!]);
      // An auto column turns to text at its first text cell: it may take the rest of the run by index from then on.
      if (!turned && builder.readsNumbers?.() === false) {
        turned = true;
        if (builder.pushIndexed?.(dictionary, indices, i + 1, end)) return;
      }
    }
    return;
  }
  if (builder.pushNumbers !== undefined && !Array.isArray(values)) {
    if (!(values instanceof BigInt64Array)) {
      if (builder.pushNumbers(values, start, end)) return;
    } else {
      // Number(bigint) is the rounding a number builder applies to a bigint cell.
      if (scratch.length < end - start) scratch = new Float64Array(end - start);
      for (let i = start; i < end; i++) scratch[i - start] = Number(values[i]!);
      if (builder.pushNumbers(scratch, 0, end - start)) return;
    }
  }
  for (let i = start; i < end; i++) builder.pushValue(values[i]);
}

function unsupported(what: string): ParquetPageError {
  return new ParquetPageError(`it holds ${what}, which this reader does not decode`);
}
