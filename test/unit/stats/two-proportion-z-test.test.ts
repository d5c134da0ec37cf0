import { describe, expect, it } from "vitest";
import { twoProportionZTest } from "../../../shared/src/stats/two-proportion-z-test.js";

// The pooled z-test is the 2×2 chi-square test without continuity correction: z² = χ², same p-value.
// Reference: scipy 1.10.1, z = sign(p1 − p2)·sqrt(chi2_contingency([[x1, n1−x1], [x2, n2−x2]], correction=False)[0]).
// The second case is the oracle's chi2_2x2_A_vs_rest (categorical_drift: A vs the rest), p = 8.508496767589375e-06.
describe("twoProportionZTest", () => {
  it.each([
    { x1: 45, n1: 100, x2: 30, n2: 90, z: 1.6427266128719293, p: 0.10043950997963523 },
    { x1: 348, n1: 1100, x2: 179, n2: 800, z: 4.4519727449886695, p: 8.508496767589375e-6 },
  ])("matches SciPy for $x1/$n1 vs $x2/$n2", ({ x1, n1, x2, n2, z, p }) => {
    const result = twoProportionZTest(x1, n1, x2, n2);
    expect(Math.abs(result.statistic - z)).toBeLessThanOrEqual(1e-9 * Math.abs(z));
    expect(Math.abs(result.pValue - p)).toBeLessThanOrEqual(1e-6);
    expect(twoProportionZTest(x2, n2, x1, n1).statistic).toBeCloseTo(-result.statistic, 12);
  });

  it("returns z = 0, p = 1 when neither sample varies", () => {
    expect(twoProportionZTest(0, 10, 0, 12)).toEqual({ statistic: 0, pValue: 1 });
    expect(twoProportionZTest(10, 10, 12, 12)).toEqual({ statistic: 0, pValue: 1 });
  });

  it("refuses counts that are not counts", () => {
    expect(() => twoProportionZTest(11, 10, 1, 5)).toThrow(/0 <= x <= n/);
    expect(() => twoProportionZTest(1.5, 10, 1, 5)).toThrow(/whole numbers/);
    expect(() => twoProportionZTest(0, 0, 1, 5)).toThrow(/n >= 1/);
  });
});
