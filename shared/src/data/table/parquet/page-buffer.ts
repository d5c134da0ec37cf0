import { SNAPPY_SPARE } from "./snappy.js";
import { releaseWasmSnappy } from "./snappy-wasm.js";
import { releaseWasmRleHybrid } from "./rle-hybrid-wasm.js";

/**
 * Buffers the page decoder reuses from page to page instead of allocating each page's bytes anew: a page is
 * decompressed, decoded and pushed to its builders in one synchronous step, so one buffer of each kind serves every
 * page of every column (builders copy or summarize what they are given, never keep it). `releasePageBuffers` drops
 * them when a file is read, so a large page's buffer does not outlive its file.
 */
let page = new ArrayBuffer(0);
let aligned = new ArrayBuffer(0);

function grown(buffer: ArrayBuffer, length: number): ArrayBuffer {
  // Rounded up to 64 KiB, so pages of slightly different sizes do not each grow it.
  return buffer.byteLength >= length ? buffer : new ArrayBuffer(Math.ceil(length / 65536) * 65536);
}

/**
 * `length` bytes to decompress a page into, valid until the next call, with `SNAPPY_SPARE` bytes after them in the
 * same buffer that a decompressor may overwrite.
 */
export function pageBuffer(length: number): Uint8Array {
  page = grown(page, length + SNAPPY_SPARE);
  return new Uint8Array(page, 0, length);
}

/** `length` bytes at offset 0 of a buffer of their own (aligned for any typed array), valid until the next call. */
export function alignedBuffer(length: number): Uint8Array {
  aligned = grown(aligned, length);
  return new Uint8Array(aligned, 0, length);
}

/** Lets the buffers go, and the WebAssembly decoders' memory (the next page allocates them again). */
export function releasePageBuffers(): void {
  releaseWasmSnappy();
  releaseWasmRleHybrid();
  page = new ArrayBuffer(0);
  aligned = new ArrayBuffer(0);
}
