import { growWasmMemory, lazyWasmInstance, type WasmMemory } from "../../../core/wasm-instance.js";
import { SNAPPY_WASM_BASE64 } from "./snappy-wasm-bytes.js";

/** Bytes of memory the decoder may read past its input's end and write past its output's end (snappy.wat). */
const SLACK = 16;
/** The largest memory this decoder asks for (its addresses are 32-bit; past this a page is left to the JS decoder). */
const MAX_MEMORY = 2 ** 31;
const FAILURES = ["", "premature end of input", "it holds more bytes than its length header says"];

interface Decoder {
  memory: WasmMemory;
  uncompress(ip: number, ipEnd: number, op: number, opEnd: number): number;
}

/** This thread's decoder (snappy.wat). */
const decoder = lazyWasmInstance<Decoder>(SNAPPY_WASM_BASE64);

/**
 * Decompresses the snappy block `input` (the format of Snappy's `format_description.txt`), whose length header
 * must say `length`, with the WebAssembly decoder (snappy.wat): into its own memory, returned as a view valid until
 * the next call (a page decoded and delivered before the next is read), or a copy of its own when `keep`. Its
 * code is compiled as the module is instantiated, and runs at full speed from its first page, where a JavaScript
 * decoder runs unoptimized through the first pages of every thread. Undefined where WebAssembly is not available
 * or the block needs more memory than it may have: the caller decodes it another way.
 * @throws Error when the block is damaged: a length header that is not `length`, an element running past the input
 * or the output, a back-reference before the start, or fewer bytes than the header says.
 */
export function wasmSnappyDecompress(input: Uint8Array, length: number, keep: boolean): Uint8Array | undefined {
  let pos = 0;
  let header = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) throw new Error("invalid snappy length header");
    const byte = input[pos++]!;
    header += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (header !== length) throw new Error(`its length header says ${header} bytes, not ${length}`);
  // The output at 0 and the input after it, each followed by its slack.
  const inStart = Math.ceil((length + SLACK) / SLACK) * SLACK;
  const inEnd = inStart + input.length - pos;
  const needed = inEnd + SLACK;
  if (needed > MAX_MEMORY) return undefined;
  const wasm = decoder.get();
  if (wasm === undefined) return undefined;
  const { memory } = wasm;
  if (!growWasmMemory(memory, needed)) return undefined;
  const bytes = new Uint8Array(memory.buffer);
  bytes.set(input.subarray(pos), inStart);
  const failure = wasm.uncompress(inStart, inEnd, 0, length);
  if (failure === 3) throw new Error("a copy reaches back before the start of the output");
  if (failure !== 0) throw new Error(FAILURES[failure] ?? FAILURES[1]);
  return keep ? bytes.slice(0, length) : new Uint8Array(memory.buffer, 0, length);
}

/** Lets this thread's decoder memory go (the next call instantiates it again); the compiled module is kept. */
export function releaseWasmSnappy(): void {
  decoder.release();
}
