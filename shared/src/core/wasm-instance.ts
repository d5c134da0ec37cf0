/** A WebAssembly memory as the engine gives it. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The engine's WebAssembly API (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
}

const WASM_PAGE = 65536;

/** One of this thread's hand-written WebAssembly modules, instantiated on first use. */
export interface LazyWasmInstance<Exports> {
  /**
   * The instance's exports: the module compiled from its bytes once and instantiated at the first call (the
   * engine compiles it then, so its code runs at full speed from its first use); undefined where WebAssembly
   * cannot be — no engine support, or no address space to reserve its memory in (`ulimit -v`) — and then never
   * tried again in this thread: the caller does the work in JavaScript.
   */
  get(): Exports | undefined;
  /** Lets the instance and its memory go (the next `get` instantiates it again); the compiled module is kept. */
  release(): void;
}

/** A lazily instantiated module from its bytes in base64 (a generated `*-wasm-bytes.ts`, from its `.wat`). */
export function lazyWasmInstance<Exports>(base64: string): LazyWasmInstance<Exports> {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  let module: object | null | undefined;
  let instance: Exports | undefined;
  return {
    get() {
      if (instance !== undefined || module === null) return instance;
      try {
        if (api === undefined) throw new Error("no WebAssembly");
        module ??= new api.Module(Buffer.from(base64, "base64"));
        instance = new api.Instance(module).exports as Exports;
      } catch {
        module = null;
      }
      return instance;
    },
    release() {
      instance = undefined;
    },
  };
}

/** Grows `memory` to at least `bytes`, whole pages at a time; false when the engine refuses (the caller falls back). */
export function growWasmMemory(memory: WasmMemory, bytes: number): boolean {
  if (memory.buffer.byteLength >= bytes) return true;
  try {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / WASM_PAGE));
    return true;
  } catch {
    return false;
  }
}
