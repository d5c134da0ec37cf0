import { describe, expect, it } from "vitest";
import { BlockArray } from "../../../../shared/src/data/table/block-array.js";

describe("BlockArray", () => {
  it("joins values pushed across several blocks in order", () => {
    const array = new BlockArray(Int32Array);
    for (let i = 0; i < 200_000; i++) array.push(i);
    const out = array.toArray();
    expect(out.length).toBe(200_000);
    expect([out[0], out[65_535], out[65_536], out[131_072], out[199_999]]).toEqual([
      0, 65_535, 65_536, 131_072, 199_999,
    ]);
  });

  it("appends runs of a typed array across block boundaries as pushing them one by one does", () => {
    const run = Float64Array.from({ length: 50_000 }, (_, i) => i * 1.5);
    const bulk = new BlockArray(Float64Array);
    const single = new BlockArray(Float64Array);
    for (const [start, end] of [
      [0, 3],
      [3, 3],
      [10, 50_000],
      [0, 50_000],
      [7, 8],
    ]) {
      bulk.pushAll(run, start!, end!);
      for (let i = start!; i < end!; i++) single.push(run[i]!);
    }
    single.push(-1);
    bulk.push(-1);
    expect(bulk.toArray()).toEqual(single.toArray());
  });

  it("returns the single block itself when the expected length was exact", () => {
    const array = new BlockArray(Float64Array, 3);
    array.push(1.5);
    array.fill(-1, 2);
    expect(array.toArray()).toEqual(Float64Array.from([1.5, -1, -1]));
  });

  it("joins blocks of growing sizes in order when the values outgrow the first ones", () => {
    const array = new BlockArray(Float64Array);
    for (let i = 0; i < 70_000; i++) array.push(i / 2);
    const out = array.toArray();
    expect(out.length).toBe(70_000);
    expect(out.every((v, i) => v === i / 2)).toBe(true);
  });

  it("holds memory in proportion to the values pushed, not a fixed block, when 20,000 columns get 5 values each", () => {
    const before = process.memoryUsage().arrayBuffers;
    const columns = Array.from({ length: 20_000 }, () => new BlockArray(Float64Array));
    for (const column of columns) for (let i = 0; i < 5; i++) column.push(i);
    const held = process.memoryUsage().arrayBuffers - before;
    // 20,000 first blocks of 64 doubles: 10 MiB. A fixed 64 Ki-value first block would be 10 GiB of buffers.
    expect(held).toBeLessThan(32 * 2 ** 20);
    expect(columns[19_999]!.toArray()).toEqual(Float64Array.from([0, 1, 2, 3, 4]));
  });

  it("returns an empty array when nothing was pushed", () => {
    expect(new BlockArray(Float64Array).toArray()).toEqual(new Float64Array(0));
  });
});
