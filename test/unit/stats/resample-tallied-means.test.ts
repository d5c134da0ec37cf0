import { describe, expect, it } from "vitest";
import { tallyIntegers } from "../../../shared/src/stats/resample-tallied-means.js";

describe("tallyIntegers", () => {
  it("counts small integer values, most frequent last", () => {
    expect(tallyIntegers([1, 0, 0, -1, 0, 1])).toEqual({ values: [-1, 1, 0], counts: [1, 2, 3], size: 6 });
  });

  it("declines non-integers, huge magnitudes and too many distinct values, so indices are resampled instead", () => {
    expect(tallyIntegers([0, 0.5])).toBeUndefined();
    expect(tallyIntegers([0, 2 ** 40])).toBeUndefined();
    expect(tallyIntegers([0, 1, 2, 3], 3)).toBeUndefined();
  });
});
