import { describe, expect, it } from "vitest";
import { kolmogorovSf } from "../../../shared/src/stats/kolmogorov-distribution.js";
import { smirnovSf } from "../../../shared/src/stats/smirnov-distribution.js";
import { driftReference } from "./support/fixtures.js";

describe("kolmogorovSf (scipy.stats.kstwo.sf) on every branch of SciPy's method selection", () => {
  it.each(driftReference.kstwo_sf as [number, number, number][])("n = %d, x = %f → %f", (n, x, expected) => {
    expect(Math.abs(kolmogorovSf(n, x) - expected)).toBeLessThanOrEqual(1e-9);
  });

  it("is 1 at x ≤ 0, 0 at x ≥ 1 and NaN for a sample size that is not a positive whole number", () => {
    expect(kolmogorovSf(10, 0)).toBe(1);
    expect(kolmogorovSf(10, 1)).toBe(0);
    expect(kolmogorovSf(0, 0.5)).toBeNaN();
    expect(kolmogorovSf(2.5, 0.5)).toBeNaN();
  });
});

describe("smirnovSf (scipy.special.smirnov)", () => {
  it.each(driftReference.smirnov_sf as [number, number, number][])("n = %d, x = %f → %f", (n, x, expected) => {
    expect(Math.abs(smirnovSf(n, x) - expected)).toBeLessThanOrEqual(1e-9);
  });
});
