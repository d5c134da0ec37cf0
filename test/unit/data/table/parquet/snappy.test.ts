import { snappyUncompress } from "hyparquet";
import { describe, expect, it } from "vitest";
import { SNAPPY_SPARE, snappyDecompress } from "../../../../../shared/src/data/table/parquet/snappy.js";
import { wasmSnappyDecompress } from "../../../../../shared/src/data/table/parquet/snappy-wasm.js";
import { SNAPPY_WASM_BASE64 } from "../../../../../shared/src/data/table/parquet/snappy-wasm-bytes.js";

/** One element of a snappy block: literal bytes, or a copy of `count` bytes from `offset` back, in `width` offset bytes. */
type Element = { literal: number[] } | { count: number; offset: number; width: 1 | 2 | 4 };

function varint(value: number): number[] {
  const out: number[] = [];
  for (; value >= 0x80; value = Math.floor(value / 128)) out.push((value & 0x7f) | 0x80);
  out.push(value);
  return out;
}

/** A snappy block of these elements, each in the encoding its fields name (a literal's length in 0 to 4 extra bytes). */
function encode(elements: Element[]): { block: Uint8Array; length: number } {
  const body: number[] = [];
  let length = 0;
  for (const element of elements) {
    if ("literal" in element) {
      const n = element.literal.length - 1;
      if (n < 60) body.push(n << 2);
      else {
        const bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
        body.push((59 + bytes) << 2);
        for (let i = 0; i < bytes; i++) body.push((n >>> (8 * i)) & 0xff);
      }
      body.push(...element.literal);
      length += element.literal.length;
      continue;
    }
    const { count, offset, width } = element;
    if (width === 1) body.push(((offset >> 8) << 5) | ((count - 4) << 2) | 1, offset & 0xff);
    else if (width === 2) body.push(((count - 1) << 2) | 2, offset & 0xff, offset >> 8);
    else body.push(((count - 1) << 2) | 3, offset & 0xff, (offset >> 8) & 0xff, (offset >> 16) & 0xff, offset >>> 24);
    length += count;
  }
  return { block: Uint8Array.from([...varint(length), ...body]), length };
}

/** The block decoded into an output of its exact length, and again with spare bytes after it (same bytes). */
function decoded(block: Uint8Array, length: number): Uint8Array {
  const output = new Uint8Array(length);
  snappyDecompress(block, output);
  expect(Array.from(withSpare(block, length))).toEqual(Array.from(output));
  return output;
}

function withSpare(block: Uint8Array, length: number): Uint8Array {
  const output = new Uint8Array(new ArrayBuffer(length + SNAPPY_SPARE), 0, length);
  snappyDecompress(block, output, SNAPPY_SPARE);
  return output;
}

/** hyparquet's JavaScript snappy decoder, the reference. */
function reference(block: Uint8Array, length: number): Uint8Array {
  const output = new Uint8Array(length);
  snappyUncompress(block, output);
  return output;
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("snappyDecompress", () => {
  it("decodes literals of every length encoding and copies of every offset width", () => {
    const long = Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff);
    const { block, length } = encode([
      { literal: [1, 2, 3] },
      { literal: Array.from({ length: 61 }, (_, i) => i) },
      { literal: long },
      { count: 11, offset: 5, width: 1 },
      { count: 64, offset: 70_000, width: 2 },
      { count: 9, offset: 70_100, width: 4 },
    ]);
    const out = decoded(block, length);
    expect(Array.from(out.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(out.subarray(64, 64 + long.length))).toEqual(long);
    expect(out).toEqual(reference(block, length));
  });

  it("repeats the bytes it has just written when a copy overlaps its own output (a run)", () => {
    const { block, length } = encode([
      { literal: [7, 8] },
      { count: 10, offset: 2, width: 1 },
      { count: 3, offset: 1, width: 2 },
      { count: 40, offset: 1, width: 2 },
    ]);
    expect(Array.from(decoded(block, length))).toEqual([
      ...[7, 8, 7, 8, 7, 8, 7, 8, 7, 8, 7, 8],
      ...Array.from({ length: 43 }, () => 8),
    ]);
  });

  it("decodes random blocks as hyparquet's decoder does, short and long elements mixed", () => {
    const next = mulberry32(27);
    for (let round = 0; round < 200; round++) {
      const { block, length } = encode(randomElements(next));
      expect(decoded(block, length)).toEqual(reference(block, length));
    }
  });

  it("refuses damaged blocks: a wrong length header, elements past the input or output, a copy before the start", () => {
    const { block, length } = encode([{ literal: [1, 2, 3, 4, 5] }, { count: 4, offset: 5, width: 1 }]);
    expect(() => decoded(block, length + 1)).toThrow("its length header says 9 bytes, not 10");
    expect(() => snappyDecompress(block.subarray(0, block.length - 1), new Uint8Array(length))).toThrow(
      "premature end of input",
    );
    expect(() => snappyDecompress(Uint8Array.from([0x80]), new Uint8Array(0))).toThrow("invalid snappy length header");
    const before = encode([{ literal: [1, 2] }, { count: 4, offset: 3, width: 2 }]);
    expect(() => decoded(before.block, before.length)).toThrow("a copy reaches 3 bytes back from byte 2");
    const short = encode([{ literal: [1, 2] }]);
    expect(() => decoded(Uint8Array.from([...varint(5), ...short.block.subarray(1)]), 5)).toThrow(
      "premature end of input",
    );
    const over = Uint8Array.from([1, ...encode([{ literal: [1, 2] }]).block.subarray(1)]);
    expect(() => decoded(over, 1)).toThrow("it holds more bytes than its length header says");
    // With spare bytes after the output, short elements are moved 16 bytes at a time: still refused alike.
    const padding = Array.from({ length: 40 }, (_, i) => ({ literal: [i, i + 1, i + 2] }));
    const late = encode([...padding, { literal: [1, 2, 3, 4, 5] }, { count: 8, offset: 4, width: 2 }]);
    expect(() => withSpare(late.block, late.length - 1)).toThrow(`its length header says ${late.length} bytes`);
    const lateOver = Uint8Array.from([...varint(late.length - 3), ...late.block.subarray(varint(late.length).length)]);
    expect(() => withSpare(lateOver, late.length - 3)).toThrow("it holds more bytes than its length header says");
    const early = encode([{ literal: [1, 2, 3, 4, 5, 6] }, { count: 8, offset: 7, width: 2 }, ...padding]);
    expect(() => withSpare(early.block, early.length)).toThrow("a copy reaches 7 bytes back from byte 6");
  });

  it("refuses spare bytes the output's buffer does not have", () => {
    const { block, length } = encode([{ literal: [1, 2, 3] }]);
    expect(() => snappyDecompress(block, new Uint8Array(length), SNAPPY_SPARE)).toThrow(RangeError);
  });
});

/** The WebAssembly decoder's output for `block` (a view of its memory, copied before the next call). */
function wasmDecoded(block: Uint8Array, length: number): Uint8Array {
  const output = wasmSnappyDecompress(block, length, false);
  if (output === undefined) throw new Error("WebAssembly is not available");
  return output.slice();
}

describe("wasmSnappyDecompress", () => {
  it("decodes literals of every length encoding, copies of every offset width and runs as the reference does", () => {
    const long = Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff);
    const blocks = [
      encode([
        { literal: [1, 2, 3] },
        { literal: Array.from({ length: 61 }, (_, i) => i) },
        { literal: long },
        { count: 11, offset: 5, width: 1 },
        { count: 64, offset: 70_000, width: 2 },
        { count: 9, offset: 70_100, width: 4 },
        { count: 40, offset: 9, width: 2 },
      ]),
      encode([{ literal: [7, 8] }, { count: 10, offset: 2, width: 1 }, { count: 40, offset: 1, width: 2 }]),
    ];
    for (const { block, length } of blocks) expect(wasmDecoded(block, length)).toEqual(reference(block, length));
    // A dictionary page (`keep`) gets bytes of its own, which the next call leaves alone.
    const kept = wasmSnappyDecompress(blocks[1]!.block, blocks[1]!.length, true)!;
    wasmDecoded(blocks[0]!.block, blocks[0]!.length);
    expect(kept).toEqual(reference(blocks[1]!.block, blocks[1]!.length));
  });

  it("decodes random blocks as hyparquet's decoder does, short and long elements mixed", () => {
    const next = mulberry32(28);
    for (let round = 0; round < 200; round++) {
      const { block, length } = encode(randomElements(next));
      expect(wasmDecoded(block, length)).toEqual(reference(block, length));
    }
  });

  it("refuses damaged blocks as the JavaScript decoder does", () => {
    const { block, length } = encode([{ literal: [1, 2, 3, 4, 5] }, { count: 4, offset: 5, width: 1 }]);
    expect(() => wasmDecoded(block, length + 1)).toThrow("its length header says 9 bytes, not 10");
    expect(() => wasmDecoded(block.subarray(0, block.length - 1), length)).toThrow("premature end of input");
    expect(() => wasmDecoded(Uint8Array.from([0x80]), 0)).toThrow("invalid snappy length header");
    const before = encode([{ literal: [1, 2] }, { count: 4, offset: 3, width: 2 }]);
    expect(() => wasmDecoded(before.block, before.length)).toThrow("a copy reaches back before the start");
    const zero = encode([{ literal: [1, 2] }, { count: 4, offset: 0, width: 2 }]);
    expect(() => wasmDecoded(zero.block, zero.length)).toThrow("a copy reaches back before the start");
    const short = encode([{ literal: [1, 2] }]);
    expect(() => wasmDecoded(Uint8Array.from([...varint(5), ...short.block.subarray(1)]), 5)).toThrow(
      "premature end of input",
    );
    const over = Uint8Array.from([1, ...encode([{ literal: [1, 2] }]).block.subarray(1)]);
    expect(() => wasmDecoded(over, 1)).toThrow("it holds more bytes than its length header says");
    const copyOver = encode([{ literal: [1, 2, 3, 4] }, { count: 8, offset: 4, width: 2 }]);
    const cut = Uint8Array.from([...varint(10), ...copyOver.block.subarray(1)]);
    expect(() => wasmDecoded(cut, 10)).toThrow("it holds more bytes than its length header says");
    // A literal whose 4-byte length says 2^32 bytes, and one running past the input.
    expect(() => wasmDecoded(Uint8Array.from([4, 63 << 2, 0xff, 0xff, 0xff, 0xff]), 4)).toThrow(
      "premature end of input",
    );
    expect(() => wasmDecoded(Uint8Array.from([4, 61 << 2, 3, 0]), 4)).toThrow("premature end of input");
  });

  it("is the module snappy.wat assembles to (node shared/tools/build-wasm.mjs writes it)", async () => {
    const tool = "../../../../../shared/tools/build-wasm.mjs";
    const { assembleWasm } = (await import(tool)) as { assembleWasm(wat: string): Promise<Buffer> };
    expect((await assembleWasm("data/table/parquet/snappy.wat")).toString("base64")).toBe(SNAPPY_WASM_BASE64);
  });
});

/** 60 elements drawn from `next`: literals (a few long ones) and copies of each width, never reaching before the start. */
function randomElements(next: () => number): Element[] {
  const elements: Element[] = [];
  let written = 0;
  for (let k = 0; k < 60; k++) {
    if (written === 0 || next() < 0.4) {
      const n = 1 + Math.floor(next() ** 3 * (next() < 0.1 ? 3000 : 70));
      elements.push({ literal: Array.from({ length: n }, () => Math.floor(next() * 256)) });
      written += n;
    } else {
      const width = ([1, 2, 4] as const)[Math.floor(next() * 3)]!;
      const offset = 1 + Math.floor(next() * Math.min(written, width === 1 ? 2047 : 65_535));
      const count = width === 1 ? 4 + Math.floor(next() * 8) : 1 + Math.floor(next() * 64);
      elements.push({ count, offset, width });
      written += count;
    }
  }
  return elements;
}
