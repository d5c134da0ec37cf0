import { describe, expect, it } from "vitest";
import { BlockArray } from "../../../shared/src/data/block-array.js";

describe("BlockArray", () => {
  it("joins values pushed across several blocks in order", () => {
    const array = new BlockArray(Int32Array);
    for (let i = 0; i < 200_000; i++) array.push(i);
    const out = array.toArray();
    expect(out.length).toBe(200_000);
    expect([out[0], out[65_535], out[65_536], out[131_072], out[199_999]]).toEqual([0, 65_535, 65_536, 131_072, 199_999]);
  });

  it("returns the single block itself when the expected length was exact", () => {
    const array = new BlockArray(Float64Array, 3);
    array.push(1.5);
    array.fill(-1, 2);
    expect(array.toArray()).toEqual(Float64Array.from([1.5, -1, -1]));
  });

  it("returns an empty array when nothing was pushed", () => {
    expect(new BlockArray(Float64Array).toArray()).toEqual(new Float64Array(0));
  });
});
