import { ParquetPageError } from "./page-header.js";
import { wasmDecodeRleHybrid } from "./rle-hybrid-wasm.js";

/**
 * Decodes `count` values of the RLE/bit-packed hybrid encoding (Parquet's definition levels, dictionary indices and
 * RLE booleans) of `bitWidth` bits from `bytes[offset, end)` into `out[0, count)`: runs of one repeated value and
 * groups of 8 bit-packed values, least significant bit first. A bit-packed group may pad the last values past
 * `count`; they are dropped. Decoded by the WebAssembly decoder (`wasmDecodeRleHybrid`), at full speed from a
 * thread's first page; where WebAssembly cannot run, by `decodeRleHybridInJs`, alike.
 * @returns the offset after the last run read.
 * @throws ParquetPageError when the runs end before `count` values or hold a width past 32 bits.
 */
export function decodeRleHybrid(
  bytes: Uint8Array,
  offset: number,
  end: number,
  bitWidth: number,
  count: number,
  out: Int32Array,
): number {
  if (bitWidth < 1 || bitWidth > 32 || count <= 0) return decodeRleHybridInJs(bytes, offset, end, bitWidth, count, out);
  const decoded = wasmDecodeRleHybrid(bytes, offset, end, bitWidth, count, out);
  if (decoded === undefined) return decodeRleHybridInJs(bytes, offset, end, bitWidth, count, out);
  if ("offset" in decoded) return decoded.offset;
  if ("short" in decoded) throw short(decoded.filled, count);
  throw longHeader();
}

/** `decodeRleHybrid` in JavaScript: the same values, offset and errors. */
export function decodeRleHybridInJs(
  bytes: Uint8Array,
  offset: number,
  end: number,
  bitWidth: number,
  count: number,
  out: Int32Array,
): number {
  if (bitWidth < 0 || bitWidth > 32) throw new ParquetPageError(`a bit width of ${bitWidth} is past 32`);
  if (bitWidth === 0) {
    out.fill(0, 0, count);
    return offset;
  }
  const valueBytes = (bitWidth + 7) >> 3;
  const mask = bitWidth === 32 ? -1 : (1 << bitWidth) - 1;
  let filled = 0;
  while (filled < count) {
    // The run header: an unsigned varint.
    let header = 0;
    let shift = 0;
    for (;;) {
      if (offset >= end) throw short(filled, count);
      const byte = bytes[offset++]!;
      header += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 35) throw longHeader();
    }
    if (header % 2 === 1) {
      const values = Math.floor(header / 2) * 8;
      const runBytes = (values * bitWidth) / 8;
      // A last group may be cut short by the page's end: only the values still wanted must be there.
      const wanted = Math.min(values, count - filled);
      if (offset + Math.ceil((wanted * bitWidth) / 8) > end) throw short(filled, count);
      filled = unpackBits(bytes, offset, bitWidth, mask, wanted, out, filled);
      offset = Math.min(end, offset + runBytes);
    } else {
      const run = Math.floor(header / 2);
      if (offset + valueBytes > end) throw short(filled, count);
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= bytes[offset + i]! << (8 * i);
      offset += valueBytes;
      const stop = Math.min(count, filled + run);
      out.fill(value & mask, filled, stop);
      filled = stop;
    }
  }
  return offset;
}

/** Unpacks `wanted` values of `bitWidth` bits, least significant first, into `out` from `filled`; the new fill. */
function unpackBits(
  bytes: Uint8Array,
  at: number,
  bitWidth: number,
  mask: number,
  wanted: number,
  out: Int32Array,
  filled: number,
): number {
  let bits = 0;
  let held = 0;
  if (bitWidth <= 4) {
    // A group of 8 values in `bitWidth` bytes, read as one word (dictionary indices of a few categories).
    const groups = wanted >>> 3;
    for (let g = 0; g < groups; g++) {
      let word = 0;
      for (let k = 0; k < bitWidth; k++) word |= bytes[at + k]! << (8 * k);
      at += bitWidth;
      for (let k = 0; k < 8; k++) out[filled++] = (word >>> (k * bitWidth)) & mask;
    }
    wanted -= groups << 3;
    if (wanted === 0) return filled;
  }
  if (bitWidth <= 25) {
    // Each value lies within the 4 bytes from the one holding its first bit (at most 7 + 25 bits): read them as one
    // word while they are all inside `bytes`, then the rest byte by byte below.
    const fast = Math.max(0, Math.min(wanted, Math.floor(((bytes.length - 3 - at) * 8) / bitWidth)));
    for (let i = 0, bit = 0; i < fast; i++, bit += bitWidth) {
      const k = at + (bit >>> 3);
      const word = bytes[k]! | (bytes[k + 1]! << 8) | (bytes[k + 2]! << 16) | (bytes[k + 3]! << 24);
      out[filled++] = (word >>> (bit & 7)) & mask;
    }
    if (fast === wanted) return filled;
    at += (fast * bitWidth) >>> 3;
    bits = bytes[at++]! >>> ((fast * bitWidth) & 7);
    held = 8 - ((fast * bitWidth) & 7);
    wanted -= fast;
  }
  if (bitWidth <= 24) {
    // At most 31 bits are held at once: integer arithmetic.
    for (let i = 0; i < wanted; i++) {
      while (held < bitWidth) {
        bits |= bytes[at++]! << held;
        held += 8;
      }
      out[filled++] = bits & mask;
      bits >>>= bitWidth;
      held -= bitWidth;
    }
    return filled;
  }
  for (let i = 0; i < wanted; i++) {
    while (held < bitWidth) {
      bits += bytes[at++]! * 2 ** held;
      held += 8;
    }
    out[filled++] = bits % 2 ** bitWidth;
    bits = Math.floor(bits / 2 ** bitWidth);
    held -= bitWidth;
  }
  return filled;
}

function longHeader(): ParquetPageError {
  return new ParquetPageError("a run header is longer than 5 bytes");
}

function short(filled: number, count: number): ParquetPageError {
  return new ParquetPageError(`its runs hold ${filled} of the ${count} values the page says it has`);
}

/**
 * Whether the 1-bit RLE/bit-packed hybrid values at `bytes[offset, end)` open with one RLE run of 1 at least `count`
 * long: the definition levels of a page without nulls, which need no decoding (`decodeRleHybrid` would fill ones).
 */
export function opensWithRunOfOnes(bytes: Uint8Array, offset: number, end: number, count: number): boolean {
  let header = 0;
  for (let at = offset, shift = 0; at < end && shift <= 28; shift += 7) {
    const byte = bytes[at++]!;
    header += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return header % 2 === 0 && header / 2 >= count && at < end && (bytes[at]! & 1) === 1;
  }
  return false;
}
