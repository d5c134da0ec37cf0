import { describe, expect, it } from "vitest";
import {
  decodeRleHybrid as decodeRleHybridInWasm,
  decodeRleHybridInJs,
  opensWithRunOfOnes,
} from "../../../../../shared/src/data/table/parquet/rle-hybrid.js";
import { wasmDecodeRleHybrid } from "../../../../../shared/src/data/table/parquet/rle-hybrid-wasm.js";
import { RLE_HYBRID_WASM_BASE64 } from "../../../../../shared/src/data/table/parquet/rle-hybrid-wasm-bytes.js";
import { ParquetPageError } from "../../../../../shared/src/data/table/parquet/page-header.js";

// Each case holds for the decoder the reader uses (WebAssembly) and for its JavaScript twin (where WebAssembly cannot run).
describe.each([
  ["decodeRleHybrid", decodeRleHybridInWasm],
  ["decodeRleHybridInJs", decodeRleHybridInJs],
])("%s", (_, decodeRleHybrid) => {
  it("reads the format's bit-packed example (0 to 7 in 3 bits) and an RLE run after it", () => {
    // parquet-format Encodings.md: bit-packed header (1 group of 8) << 1 | 1 = 3, then 10001000 11000110 11111010;
    // an RLE run of 5 copies of 4: header 5 << 1 = 10, then the value in one byte.
    const bytes = Uint8Array.from([3, 0b10001000, 0b11000110, 0b11111010, 10, 4]);
    const out = new Int32Array(13);
    expect(decodeRleHybrid(bytes, 0, bytes.length, 3, 13, out)).toBe(bytes.length);
    expect(Array.from(out)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 4, 4, 4, 4, 4]);
  });

  it("drops the padding of a last bit-packed group past the count", () => {
    const bytes = Uint8Array.from([3, 0b10001000, 0b11000110, 0b11111010]);
    const out = new Int32Array(5);
    decodeRleHybrid(bytes, 0, bytes.length, 3, 5, out);
    expect(Array.from(out)).toEqual([0, 1, 2, 3, 4]);
  });

  it("reads widths past 24 bits and a multi-byte RLE value", () => {
    // 8 values of 30 bits, bit-packed: value i is i * 2^27 + 5.
    const values = Array.from({ length: 8 }, (_, i) => i * 2 ** 27 + 5);
    let bits = 0n;
    values.forEach((value, i) => (bits |= BigInt(value) << BigInt(30 * i)));
    const packed = Array.from({ length: 30 }, (_, k) => Number((bits >> BigInt(8 * k)) & 0xffn));
    const bytes = Uint8Array.from([3, ...packed, 4, 0x01, 0x02, 0x03, 0x04]);
    const out = new Int32Array(10);
    decodeRleHybrid(bytes, 0, bytes.length, 30, 10, out);
    expect(Array.from(out)).toEqual([...values, 0x04030201 & (2 ** 30 - 1), 0x04030201 & (2 ** 30 - 1)]);
  });

  it("reads bit-packed values of every width from 1 to 32, up to the last byte of the input", () => {
    // The format's packing (values least significant bit first, in groups of 8), built with bigints; the last
    // values lie in the input's final bytes, where they are read byte by byte rather than as 4-byte words.
    for (let width = 1; width <= 32; width++) {
      const count = 40;
      const values = Array.from({ length: count }, (_, i) => Number((BigInt(i) * 2654435761n) % 2n ** BigInt(width)));
      // 37 of the 40 values: whole groups of 8, then a part of one.
      const part = new Int32Array(37);
      let bits = 0n;
      values.forEach((value, i) => (bits |= BigInt(value) << BigInt(width * i)));
      const packed = Array.from({ length: width * 5 }, (_, k) => Number((bits >> BigInt(8 * k)) & 0xffn));
      const bytes = Uint8Array.from([(5 << 1) | 1, ...packed]);
      const out = new Int32Array(count);
      expect(decodeRleHybrid(bytes, 0, bytes.length, width, count, out)).toBe(bytes.length);
      expect(
        Array.from(out, (value) => value >>> 0),
        `width ${width}`,
      ).toEqual(values);
      expect(decodeRleHybrid(bytes, 0, bytes.length, width, 37, part)).toBe(bytes.length);
      expect(
        Array.from(part, (value) => value >>> 0),
        `width ${width}, 37 values`,
      ).toEqual(values.slice(0, 37));
    }
  });

  it("refuses runs that end before the count", () => {
    const bytes = Uint8Array.from([10, 4]);
    expect(() => decodeRleHybrid(bytes, 0, bytes.length, 3, 6, new Int32Array(6))).toThrow(ParquetPageError);
    expect(() => decodeRleHybrid(Uint8Array.from([3, 1]), 0, 2, 3, 8, new Int32Array(8))).toThrow(
      /1 of the 8|0 of the 8/,
    );
    expect(() => decodeRleHybrid(Uint8Array.from([10]), 0, 1, 3, 6, new Int32Array(6))).toThrow(
      "its runs hold 0 of the 6 values the page says it has",
    );
    expect(() => decodeRleHybrid(Uint8Array.from([10, 4, 3, 1]), 0, 4, 3, 8, new Int32Array(8))).toThrow(
      "its runs hold 5 of the 8 values the page says it has",
    );
    const long = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 4]);
    expect(() => decodeRleHybrid(long, 0, long.length, 3, 1, new Int32Array(1))).toThrow(
      "a run header is longer than 5 bytes",
    );
    expect(() => decodeRleHybrid(Uint8Array.from([2, 1]), 0, 2, 33, 1, new Int32Array(1))).toThrow(
      "a bit width of 33 is past 32",
    );
  });

  it("reads runs from an offset up to an end inside a larger buffer, and a width of 0 as zeros", () => {
    // Bytes before the offset and after the end belong to other runs: an RLE run of 3 copies of 5 (header 6),
    // then the format's bit-packed example (one group of 0 to 7 in 3 bits).
    const bytes = Uint8Array.from([0xff, 0xff, 6, 5, 3, 0b10001000, 0b11000110, 0b11111010, 0xff, 0xff]);
    const out = new Int32Array(11);
    expect(decodeRleHybrid(bytes, 2, 8, 3, 11, out)).toBe(8);
    expect(Array.from(out)).toEqual([5, 5, 5, 0, 1, 2, 3, 4, 5, 6, 7]);
    const zeros = Int32Array.from([7, 7]);
    expect(decodeRleHybrid(bytes, 2, 8, 0, 2, zeros)).toBe(2);
    expect(Array.from(zeros)).toEqual([0, 0]);
  });

  it("tells a page's levels that are one run of ones (no nulls) from any other", () => {
    // An RLE run of 100,000 ones: header 200,000 as a varint (0xc0 0x9a 0x0c), then the value.
    const run = Uint8Array.from([0xc0, 0x9a, 0x0c, 1]);
    expect(opensWithRunOfOnes(run, 0, run.length, 100_000)).toBe(true);
    expect(opensWithRunOfOnes(run, 0, run.length, 100_001)).toBe(false);
    expect(opensWithRunOfOnes(run, 0, run.length - 1, 100_000)).toBe(false);
    expect(opensWithRunOfOnes(Uint8Array.from([0xc0, 0x9a, 0x0c, 0]), 0, 4, 10)).toBe(false);
    // Bit-packed ones (header 3: one group of 8) are read by decodeRleHybrid instead.
    expect(opensWithRunOfOnes(Uint8Array.from([3, 0xff]), 0, 2, 8)).toBe(false);
    const ones = new Int32Array(100_000);
    decodeRleHybrid(run, 0, run.length, 1, 100_000, ones);
    expect(ones.every((level) => level === 1)).toBe(true);
  });
});

describe("wasmDecodeRleHybrid", () => {
  /** Runs of random kinds and lengths, as writers mix them: RLE runs and bit-packed groups, of `width` bits. */
  function randomRuns(width: number, count: number, seed: number): { bytes: Uint8Array; values: number[] } {
    let state = seed;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const value = () => Math.floor(random() * 2 ** width);
    const bytes: number[] = [];
    const values: number[] = [];
    const varint = (n: number) => {
      for (; n >= 0x80; n = Math.floor(n / 128)) bytes.push((n % 128) | 0x80);
      bytes.push(n);
    };
    while (values.length < count) {
      if (random() < 0.4) {
        const run = 1 + Math.floor(random() * 40);
        const repeated = value();
        varint(run * 2);
        for (let k = 0; k < Math.ceil(width / 8); k++) bytes.push(Math.floor(repeated / 2 ** (8 * k)) % 256);
        values.push(...Array.from({ length: run }, () => repeated));
      } else {
        const groups = 1 + Math.floor(random() * 6);
        const packed = Array.from({ length: groups * 8 }, value);
        varint(groups * 2 + 1);
        let bits = 0n;
        packed.forEach((v, i) => (bits |= BigInt(v) << BigInt(width * i)));
        for (let k = 0; k < groups * width; k++) bytes.push(Number((bits >> BigInt(8 * k)) & 0xffn));
        values.push(...packed);
      }
    }
    return { bytes: Uint8Array.from(bytes), values: values.slice(0, count) };
  }

  it("decodes what the JavaScript decoder decodes, for every width, mixed runs and a growing memory", () => {
    for (let width = 1; width <= 32; width++) {
      // A count past the module's first 64 KiB of memory, then small ones in the grown memory.
      for (const count of [width === 3 ? 100_000 : 500, 1, 37]) {
        const { bytes, values } = randomRuns(width, count, width * 7919 + count);
        const wasm = new Int32Array(count);
        const js = new Int32Array(count);
        const at = wasmDecodeRleHybrid(bytes, 0, bytes.length, width, count, wasm);
        expect(at, `width ${width}`).toEqual({ offset: decodeRleHybridInJs(bytes, 0, bytes.length, width, count, js) });
        expect(
          Array.from(wasm, (v) => v >>> 0),
          `width ${width}`,
        ).toEqual(values);
        expect(wasm).toEqual(js);
      }
    }
  });

  it("says how many values it filled when the runs end early, and when a run header is too long", () => {
    expect(wasmDecodeRleHybrid(Uint8Array.from([10, 4, 3, 1]), 0, 4, 3, 8, new Int32Array(8))).toEqual({
      short: true,
      filled: 5,
    });
    const long = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(wasmDecodeRleHybrid(long, 0, long.length, 3, 1, new Int32Array(1))).toEqual({ longHeader: true });
  });

  it("is the module rle-hybrid.wat assembles to (node shared/tools/build-wasm.mjs writes it)", async () => {
    const tool = "../../../../../shared/tools/build-wasm.mjs";
    const { assembleWasm } = (await import(tool)) as { assembleWasm(wat: string): Promise<Buffer> };
    expect((await assembleWasm("data/table/parquet/rle-hybrid.wat")).toString("base64")).toBe(RLE_HYBRID_WASM_BASE64);
  });
});
