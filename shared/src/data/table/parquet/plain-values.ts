import { alignedBuffer } from "./page-buffer.js";
import { ParquetPageError } from "./page-header.js";

/** The physical types the page decoder reads. */
export type FlatType = "BOOLEAN" | "INT32" | "INT64" | "FLOAT" | "DOUBLE" | "BYTE_ARRAY";

/** Decoded values of one page or dictionary: numbers as typed arrays, INT64 as bigints, booleans and text as arrays. */
export type PageValues = Float64Array | Float32Array | Int32Array | BigInt64Array | boolean[] | string[];

const WIDTH: Record<Exclude<FlatType, "BOOLEAN" | "BYTE_ARRAY">, number> = { INT32: 4, INT64: 8, FLOAT: 4, DOUBLE: 8 };
const utf8 = new TextDecoder();

/**
 * Decodes `count` PLAIN-encoded values of `type` from `bytes[start, end)`: little-endian fixed-width numbers (a view of
 * the bytes when aligned, a copy otherwise: into the reused `alignedBuffer` when `reuse`, for values read before the
 * next page), booleans one bit each (least significant first), and byte arrays as
 * a 4-byte length and the bytes, read as UTF-8 text (invalid bytes become U+FFFD, as `TextDecoder` reads them).
 * @throws ParquetPageError when the values run past `end`.
 */
export function decodePlain(
  bytes: Uint8Array,
  start: number,
  end: number,
  type: FlatType,
  count: number,
  reuse: boolean,
): PageValues {
  if (type === "BOOLEAN") {
    if (start + Math.ceil(count / 8) > end) throw runsPast(type, count);
    const values = new Array<boolean>(count);
    for (let i = 0; i < count; i++) values[i] = ((bytes[start + (i >> 3)]! >> (i & 7)) & 1) === 1;
    return values;
  }
  if (type === "BYTE_ARRAY") return decodeByteArrays(bytes, start, end, count);
  const width = WIDTH[type];
  if (start + count * width > end) throw runsPast(type, count);
  const at = bytes.byteOffset + start;
  let buffer = bytes.buffer;
  let offset = at;
  if (at % width !== 0) {
    const copy = reuse ? alignedBuffer(count * width) : new Uint8Array(count * width);
    copy.set(bytes.subarray(start, start + count * width));
    buffer = copy.buffer;
    offset = 0;
  }
  switch (type) {
    case "DOUBLE":
      return new Float64Array(buffer, offset, count);
    case "FLOAT":
      return new Float32Array(buffer, offset, count);
    case "INT32":
      return new Int32Array(buffer, offset, count);
    case "INT64":
      return new BigInt64Array(buffer, offset, count);
  }
}

function decodeByteArrays(bytes: Uint8Array, start: number, end: number, count: number): string[] {
  const values = new Array<string>(count);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Buffer & {
    latin1Slice(start: number, end: number): string;
  };
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 4 > end) throw runsPast("BYTE_ARRAY", count);
    const length = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
    at += 4;
    if (at + length > end) throw runsPast("BYTE_ARRAY", count);
    let ascii = true;
    for (let k = at; ascii && k < at + length; k++) ascii = bytes[k]! < 0x80;
    // ASCII decodes alike as Latin-1 and UTF-8; Latin-1 is the cheaper decoder.
    values[i] = ascii ? buffer.latin1Slice(at, at + length) : utf8.decode(bytes.subarray(at, at + length));
    at += length;
  }
  return values;
}

function runsPast(type: FlatType, count: number): ParquetPageError {
  return new ParquetPageError(`its ${count} ${type} values run past the end of the page`);
}
