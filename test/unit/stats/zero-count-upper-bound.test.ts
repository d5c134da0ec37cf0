import { describe, expect, it } from "vitest";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { zeroCountUpperBound } from "../../../shared/src/stats/zero-count-upper-bound.js";
import { edgeCases, expectRelative } from "./support/fixtures.js";

interface UpperCase {
  n: number;
  alpha: number;
  upper: number;
}

describe("zeroCountUpperBound", () => {
  it("equals SciPy's beta.ppf(1 − α, 1, n) (= statsmodels' Clopper–Pearson limit) from n = 1 to 100,000", () => {
    const cases = edgeCases.zero_count_upper as UpperCase[];
    expect(cases.length).toBe(32);
    for (const c of cases) expectRelative(zeroCountUpperBound(c.n, c.alpha), c.upper, 1e-12);
  });

  it("is about 3/n at α = 0.05 for large n (the rule of three)", () => {
    expect(zeroCountUpperBound(100_000, 0.05) * 100_000).toBeCloseTo(-Math.log(0.05), 3);
  });

  it("refuses a trial count below 1 or an alpha outside (0, 1)", () => {
    expect(() => zeroCountUpperBound(0, 0.05)).toThrow(StatsInputError);
    expect(() => zeroCountUpperBound(2.5, 0.05)).toThrow(StatsInputError);
    expect(() => zeroCountUpperBound(10, 0)).toThrow(StatsInputError);
    expect(() => zeroCountUpperBound(10, 1)).toThrow(StatsInputError);
  });
});
