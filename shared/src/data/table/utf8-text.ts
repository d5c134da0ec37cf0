/** The text of the UTF-8 bytes `bytes[start, end)`; an invalid sequence becomes U+FFFD, as `Buffer#toString` makes it. */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
}
