/** Literals and copies longer than this are moved by the engine's memmove; shorter ones 4 bytes at a time. */
const WORDS = 64;
/** Bytes past the output's end that `snappyDecompress` overwrites when allowed to: a short element moves 16 bytes. */
export const SNAPPY_SPARE = 16;

/**
 * Decompresses a snappy block (the format of Snappy's `format_description.txt`: a varint of the uncompressed length,
 * then literals and back-references of 1-, 2- and 4-byte offsets) into `output`, which must be exactly the length
 * the block says. Nothing is allocated: a Parquet page is inflated into a buffer reused from page to page. With
 * `spare` (`SNAPPY_SPARE`), the `spare` bytes after `output` in its buffer are scratch: an element of at most 16
 * bytes is then moved as 16 bytes whatever its length (the next element overwrites the excess), without a branch
 * on its length.
 * @throws Error when the block is damaged: a length header that is not `output`'s length, an element running past
 * the input or the output, a back-reference before the start, or fewer bytes than the header says.
 */
export function snappyDecompress(input: Uint8Array, output: Uint8Array, spare = 0): void {
  const inEnd = input.length;
  const outEnd = output.length;
  if (spare !== 0 && (spare !== SNAPPY_SPARE || output.byteOffset + outEnd + spare > output.buffer.byteLength))
    throw new RangeError(`the output has no ${SNAPPY_SPARE} spare bytes after it`);
  // Unaligned 4-byte moves: most elements of a page of numbers are literals and copies of 4 to 30 bytes.
  const from32 = new DataView(input.buffer, input.byteOffset, inEnd);
  const to32 = new DataView(output.buffer, output.byteOffset, outEnd + spare);
  // Where 16 bytes can still be read from the input and written to the output (with its spare bytes).
  const inFast = inEnd - 16;
  const outFast = spare === 0 ? -1 : outEnd + spare - 16;
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= inEnd || shift > 28) throw new Error("invalid snappy length header");
    const byte = input[pos++]!;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (length !== outEnd) throw new Error(`its length header says ${length} bytes, not ${outEnd}`);
  let out = 0;
  while (pos < inEnd) {
    const tag = input[pos++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let count = (tag >>> 2) + 1;
      if (count <= 16 && pos <= inFast && out <= outFast) {
        if (out + count > outEnd) throw overrun();
        to32.setUint32(out, from32.getUint32(pos, true), true);
        to32.setUint32(out + 4, from32.getUint32(pos + 4, true), true);
        to32.setUint32(out + 8, from32.getUint32(pos + 8, true), true);
        to32.setUint32(out + 12, from32.getUint32(pos + 12, true), true);
        pos += count;
        out += count;
        continue;
      }
      if (count > 60) {
        const bytes = count - 60;
        if (pos + bytes > inEnd) throw premature();
        count = input[pos]! + 1;
        if (bytes > 1) count += input[pos + 1]! * 0x100;
        if (bytes > 2) count += input[pos + 2]! * 0x10000;
        if (bytes > 3) count += input[pos + 3]! * 0x1000000;
        pos += bytes;
      }
      if (pos + count > inEnd) throw premature();
      if (out + count > outEnd) throw overrun();
      if (count < 4) for (let i = 0; i < count; i++) output[out + i] = input[pos + i]!;
      else if (count <= WORDS) {
        // Whole words, then the last 4 bytes (which may overlap the words before).
        const last = count - 4;
        for (let i = 0; i < last; i += 4) to32.setUint32(out + i, from32.getUint32(pos + i, true), true);
        to32.setUint32(out + last, from32.getUint32(pos + last, true), true);
      } else output.set(input.subarray(pos, pos + count), out);
      pos += count;
      out += count;
      continue;
    }
    let count: number;
    let offset: number;
    if (kind === 1) {
      if (pos >= inEnd) throw premature();
      count = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[pos++]!;
    } else if (kind === 2) {
      if (pos + 2 > inEnd) throw premature();
      count = (tag >>> 2) + 1;
      offset = input[pos]! | (input[pos + 1]! << 8);
      pos += 2;
    } else {
      if (pos + 4 > inEnd) throw premature();
      count = (tag >>> 2) + 1;
      offset = (input[pos]! | (input[pos + 1]! << 8) | (input[pos + 2]! << 16) | (input[pos + 3]! << 24)) >>> 0;
      pos += 4;
    }
    if (offset === 0 || offset > out) throw new Error(`a copy reaches ${offset} bytes back from byte ${out}`);
    if (out + count > outEnd) throw overrun();
    const from = out - offset;
    if (offset >= 4 && count <= 16 && out <= outFast) {
      // Words in order: each reads 4 bytes at least 4 back, written before it if they are this copy's own (a run),
      // so this is the byte-by-byte copy's result; the bytes past `count` are the next element's to overwrite.
      to32.setUint32(out, to32.getUint32(from, true), true);
      to32.setUint32(out + 4, to32.getUint32(from + 4, true), true);
      to32.setUint32(out + 8, to32.getUint32(from + 8, true), true);
      to32.setUint32(out + 12, to32.getUint32(from + 12, true), true);
    } else if (offset >= count && count >= 4) {
      // Source and destination are apart: whole words, as literals are.
      if (count <= WORDS) {
        const last = count - 4;
        for (let i = 0; i < last; i += 4) to32.setUint32(out + i, to32.getUint32(from + i, true), true);
        to32.setUint32(out + last, to32.getUint32(from + last, true), true);
      } else output.copyWithin(out, from, from + count);
    } else {
      // An overlapping copy repeats the bytes it has just written: byte by byte, in order.
      for (let i = 0; i < count; i++) output[out + i] = output[from + i]!;
    }
    out += count;
  }
  if (out !== outEnd) throw premature();
}

function premature(): Error {
  return new Error("premature end of input");
}

function overrun(): Error {
  return new Error("it holds more bytes than its length header says");
}
