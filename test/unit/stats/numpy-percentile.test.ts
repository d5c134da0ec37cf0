import { describe, expect, it } from "vitest";
import { percentileOfSorted } from "../../../shared/src/stats/numpy-percentile.js";
import { reference } from "./support/fixtures.js";

const block = reference.numpy_percentile;

describe("percentileOfSorted", () => {
  it("matches numpy.percentile (method 'linear', NumPy 1.24) bit for bit, interpolating from either neighbour", () => {
    const sorted = Object.freeze([...(block.values as number[])]);
    (block.q as number[]).forEach((q, i) => expect(percentileOfSorted(sorted, q)).toBe(block.percentiles[i]));
    const twoPoint = block.two_point;
    (twoPoint.q as number[]).forEach((q, i) => {
      expect(percentileOfSorted(twoPoint.values, q)).toBe(twoPoint.percentiles[i]);
    });
  });

  it("returns the extremes at 0 and 100 and the only value of a one-element array", () => {
    expect(percentileOfSorted([1, 2, 3], 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3], 100)).toBe(3);
    expect(percentileOfSorted([7], 42)).toBe(7);
  });
});
