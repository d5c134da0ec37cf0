import { describe, expect, it } from "vitest";
import { AutoColumnBuilder } from "../../../../shared/src/data/table/auto-column-builder.js";
import { NumberColumnBuilder } from "../../../../shared/src/data/table/number-column-builder.js";
import { StringColumnBuilder } from "../../../../shared/src/data/table/string-column-builder.js";

describe("NumberColumnBuilder", () => {
  it("reads typed cells: numbers, bigint, booleans as 1/0, null missing, NaN non-finite, dates and objects non-numeric", () => {
    const builder = new NumberColumnBuilder("x");
    for (const value of [
      2.5,
      9007199254740993n,
      true,
      false,
      null,
      undefined,
      NaN,
      -Infinity,
      new Date(0),
      { a: 1 },
      " 4 ",
      "",
    ])
      builder.pushValue(value);
    expect(builder.finish()).toEqual({
      kind: "number",
      name: "x",
      values: Float64Array.from([2.5, 9007199254740992, 1, 0, NaN, NaN, NaN, NaN, NaN, NaN, 4, NaN]),
      missing: 3,
      nonNumeric: 2,
      nonFinite: 2,
    });
  });

  it("reads a run of typed numbers as it reads each number, copied whole when every one is finite", () => {
    const runs: Array<Float64Array | Float32Array | Int32Array> = [
      Float64Array.from([1.25, -3, 0]),
      Float64Array.from([2, Infinity, NaN, -0]),
      Float32Array.from([0.1, 7]),
      Int32Array.from([-2147483648, 5]),
    ];
    const bulk = new NumberColumnBuilder("x");
    const single = new NumberColumnBuilder("x");
    for (const run of runs) {
      expect(bulk.pushNumbers(run, 1, run.length)).toBe(true);
      for (let i = 1; i < run.length; i++) single.pushValue(run[i]);
    }
    const read = bulk.finish();
    expect(read).toEqual(single.finish());
    expect(Array.from(read.values)).toEqual([-3, 0, NaN, NaN, -0, 7, 5]);
    expect(read.nonFinite).toBe(2);
  });
});

describe("StringColumnBuilder", () => {
  it("encodes text by first appearance, keeps spaces inside values, and treats blank text as missing", () => {
    const builder = new StringColumnBuilder("s");
    for (const text of ["b", "a", "b", "", "  ", " a"]) builder.pushText(text);
    expect(builder.finish()).toEqual({
      kind: "string",
      name: "s",
      codes: Int32Array.from([0, 1, 0, -1, -1, 2]),
      dictionary: ["b", "a", " a"],
      missing: 2,
    });
  });

  it("turns typed cells into text: shortest number text, ISO dates, JSON with bigint, base64 bytes", () => {
    const builder = new StringColumnBuilder("s");
    for (const value of [
      1.0,
      12345678901234567890n,
      false,
      new Date(Date.UTC(2024, 1, 29, 12)),
      { n: 1n, a: [1] },
      Uint8Array.from([255, 0]),
      null,
    ]) {
      builder.pushValue(value);
    }
    expect(builder.finish().dictionary).toEqual([
      "1",
      "12345678901234567890",
      "false",
      "2024-02-29T12:00:00.000Z",
      '{"n":"1","a":[1]}',
      "/wA=",
    ]);
  });
});

describe("AutoColumnBuilder", () => {
  it("finishes as numbers when every present cell is numeric", () => {
    const builder = AutoColumnBuilder.ofTable("a");
    for (const text of ["1", "", "2.5", "inf"]) builder.pushText(text);
    expect(builder.finish()).toMatchObject({
      kind: "number",
      values: Float64Array.from([1, NaN, 2.5, NaN]),
      missing: 1,
      nonFinite: 1,
    });
  });

  it("asks for a string pass when text follows numbers, whose exact text is gone", () => {
    const builder = AutoColumnBuilder.ofTable("a");
    for (const text of ["1.0", "x", "2"]) builder.pushText(text);
    expect(builder.finish()).toBeUndefined();
  });
});
