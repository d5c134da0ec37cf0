// Buffer's own UTF-8 decoder, without toString's argument checks (on every Buffer, in Node 20 and 24 alike).
type Utf8Slicing = Buffer & { utf8Slice(start: number, end: number): string };

/** The text of the UTF-8 bytes `bytes[start, end)`; an invalid sequence becomes U+FFFD, as `Buffer#toString` makes it. */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  // A Buffer (every delimited file's chunk) is decoded in place: no Buffer object made per cell.
  if (bytes instanceof Buffer) return (bytes as Utf8Slicing).utf8Slice(start, end);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
}
