import { growWasmMemory, lazyWasmInstance, type WasmMemory } from "../core/wasm-instance.js";
import { PERCENTILE_RESAMPLE_WASM_BASE64 } from "./percentile-resample-wasm-bytes.js";
import { MULTIPLY_LIMIT } from "./seeded-random.js";

interface Kernel {
  memory: WasmMemory;
  resample(
    n: number,
    counts: number,
    controlOrder: number,
    treatmentOrder: number,
    up: number,
    upLength: number,
    down: number,
    downLength: number,
    out: number,
  ): void;
}

/** This thread's kernel (percentile-resample.wat). */
const kernel = lazyWasmInstance<Kernel>(PERCENTILE_RESAMPLE_WASM_BASE64);

/**
 * `resamplePositions` (percentile-resample.ts) by the WebAssembly kernel (percentile-resample.wat): compiled as the
 * module is instantiated, it draws and walks at full speed from the first resample, where JavaScript runs the first
 * resamples of every process unoptimized; one call per resample, so the engine can tier a long bootstrap up to its
 * optimizing compiler between them. Its memory holds the generator's state, the tallies, both sorted orders, the
 * plan's ranks and one resample's positions, and is kept for the next bootstrap. False, having drawn nothing, where
 * WebAssembly is not available, n is above 2²¹ (where `tallyInts` draws another way) or the memory cannot grow to
 * 12 bytes an observation: the caller resamples in JavaScript.
 */
export function wasmResamplePositions(
  state: readonly [number, number, number, number],
  controlOrder: Uint32Array,
  treatmentOrder: Uint32Array,
  plan: { readonly up: Int32Array; readonly down: Int32Array },
  resamples: number,
  sink: (b: number, positions: Int32Array) => void,
): boolean {
  const n = controlOrder.length;
  if (n > MULTIPLY_LIMIT) return false;
  const wasm = kernel.get();
  if (wasm === undefined) return false;
  const { up, down } = plan;
  const slots = up.length + down.length;
  // Byte addresses: the state at 0, then the tallies, the two orders, the ranks and the positions.
  const counts = 16;
  const controlAt = counts + 4 * n;
  const treatmentAt = controlAt + 4 * n;
  const upAt = treatmentAt + 4 * n;
  const downAt = upAt + 4 * up.length;
  const out = downAt + 4 * down.length;
  const needed = out + 8 * slots;
  const { memory } = wasm;
  if (!growWasmMemory(memory, needed)) return false;
  const words = new Uint32Array(memory.buffer);
  words.set(state, 0);
  words.set(controlOrder, controlAt / 4);
  words.set(treatmentOrder, treatmentAt / 4);
  words.set(up, upAt / 4);
  words.set(down, downAt / 4);
  const positions = new Int32Array(memory.buffer, out, 2 * slots);
  for (let b = 0; b < resamples; b++) {
    wasm.resample(n, counts, controlAt, treatmentAt, upAt, up.length, downAt, down.length, out);
    sink(b, positions);
  }
  return true;
}
