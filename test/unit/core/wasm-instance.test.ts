import { afterEach, describe, expect, it, vi } from "vitest";
import { growWasmMemory, lazyWasmInstance, type WasmMemory } from "../../../shared/src/core/wasm-instance.js";

// (module (memory (export "memory") 1 2) (func (export "answer") (result i32) i32.const 42))
const MODULE = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
  0x05, 0x04, 0x01, 0x01, 0x01, 0x02, 0x07, 0x13, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x06,
  0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b,
]).toString("base64");

interface Exports {
  memory: WasmMemory;
  answer(): number;
}

afterEach(() => vi.unstubAllGlobals());

describe("lazyWasmInstance", () => {
  it("instantiates on first use, keeps the instance, and a new one after release", () => {
    const lazy = lazyWasmInstance<Exports>(MODULE);
    const first = lazy.get();
    expect(first?.answer()).toBe(42);
    expect(lazy.get()).toBe(first);
    lazy.release();
    const second = lazy.get();
    expect(second?.answer()).toBe(42);
    expect(second).not.toBe(first);
  });

  it("gives undefined where the module cannot be built, and does not try again", () => {
    const lazy = lazyWasmInstance<Exports>(Buffer.from("not wasm").toString("base64"));
    expect(lazy.get()).toBeUndefined();
    expect(lazy.get()).toBeUndefined();
  });

  it("gives undefined where the engine has no WebAssembly", () => {
    vi.stubGlobal("WebAssembly", undefined);
    expect(lazyWasmInstance<Exports>(MODULE).get()).toBeUndefined();
  });
});

describe("growWasmMemory", () => {
  it("grows by whole pages to the size asked, and refuses past the module's maximum", () => {
    const { memory } = lazyWasmInstance<Exports>(MODULE).get()!;
    expect(memory.buffer.byteLength).toBe(65536);
    expect(growWasmMemory(memory, 100)).toBe(true);
    expect(memory.buffer.byteLength).toBe(65536);
    expect(growWasmMemory(memory, 65537)).toBe(true);
    expect(memory.buffer.byteLength).toBe(131072);
    expect(growWasmMemory(memory, 131073)).toBe(false);
    expect(memory.buffer.byteLength).toBe(131072);
  });
});
