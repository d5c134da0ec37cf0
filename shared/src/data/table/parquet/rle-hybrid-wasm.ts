import { growWasmMemory, lazyWasmInstance, type WasmMemory } from "../../../core/wasm-instance.js";
import { RLE_HYBRID_WASM_BASE64 } from "./rle-hybrid-wasm-bytes.js";

/** Bytes of memory after the input that the decoder may read (rle-hybrid.wat reads each value as an 8-byte word). */
const SLACK = 8;
/** The largest memory this decoder asks for (its addresses are 32-bit; past this a page is left to JavaScript). */
const MAX_MEMORY = 2 ** 31;

interface Decoder {
  memory: WasmMemory;
  filled: { readonly value: number };
  decode(ip: number, end: number, width: number, count: number, op: number): number;
}

/** This thread's decoder (rle-hybrid.wat). */
const decoder = lazyWasmInstance<Decoder>(RLE_HYBRID_WASM_BASE64);

/** What the WebAssembly decoder made of the runs: the offset after them, or why they cannot be read. */
export type WasmRleResult = { offset: number } | { short: true; filled: number } | { longHeader: true } | undefined;

/**
 * Decodes `count` RLE/bit-packed hybrid values of `bitWidth` bits (1 to 32) from `bytes[offset, end)` into
 * `out[0, count)` with the WebAssembly decoder (rle-hybrid.wat): the rules of `decodeRleHybrid`, compiled as the
 * module is instantiated, so a thread's first pages are decoded at full speed where JavaScript would run them
 * unoptimized (and again after each deoptimization, as each width and run kind is first met). The input is copied
 * into the decoder's memory and the values out of it. Undefined where WebAssembly is not available or the page needs
 * more memory than the decoder may have: the caller decodes it in JavaScript.
 */
export function wasmDecodeRleHybrid(
  bytes: Uint8Array,
  offset: number,
  end: number,
  bitWidth: number,
  count: number,
  out: Int32Array,
): WasmRleResult {
  const length = end - offset;
  // The input at 0, its slack, then the values, 8-byte aligned.
  const op = Math.ceil((length + SLACK) / 8) * 8;
  const needed = op + count * 4;
  if (needed > MAX_MEMORY) return undefined;
  const wasm = decoder.get();
  if (wasm === undefined) return undefined;
  const { memory } = wasm;
  if (!growWasmMemory(memory, needed)) return undefined;
  new Uint8Array(memory.buffer).set(bytes.subarray(offset, end), 0);
  const after = wasm.decode(0, length, bitWidth, count, op);
  if (after === -2) return { longHeader: true };
  if (after === -1) return { short: true, filled: wasm.filled.value };
  out.set(new Int32Array(memory.buffer, op, count));
  return { offset: offset + after };
}

/** Lets this thread's decoder memory go (the next call instantiates it again); the compiled module is kept. */
export function releaseWasmRleHybrid(): void {
  decoder.release();
}
