import { describe, expect, it } from "vitest";
import { toAdjustedAlphas } from "../../../shared/src/stats/to-adjusted-alphas.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectRelative, oracle, readPValues } from "../stats/support/fixtures.js";

const pValues = Object.freeze(readPValues());
const expected = oracle.multiplicity;

describe("toAdjustedAlphas", () => {
  it("matches the oracle's Holm adjusted p-values and rejections at family alpha 0.05", () => {
    const adjusted = toAdjustedAlphas(pValues, { familyAlpha: 0.05, method: "holm" });
    adjusted.forEach((check, i) => {
      expectRelative(check.p_value_adjusted, expected.holm_adjusted[i], 1e-12);
      expect(check.p_value).toBe(pValues[i]);
    });
    expect(adjusted.map((check) => check.p_value <= check.alpha)).toEqual(expected["holm_reject_0.05"]);
    expect(adjusted.map((check) => check.p_value_adjusted <= 0.05)).toEqual(expected["holm_reject_0.05"]);
  });

  it("matches the oracle's Bonferroni values and gives every check alpha/m", () => {
    const adjusted = toAdjustedAlphas(pValues, { familyAlpha: 0.05, method: "bonferroni" });
    adjusted.forEach((check, i) => {
      expectRelative(check.p_value_adjusted, expected.bonferroni_adjusted[i], 1e-12);
      expect(check.alpha).toBe(0.05 / 16);
    });
  });

  it("holds every check after Holm's first miss to the stopping level when a later p-value meets its own", () => {
    // Sorted: 0.001 ≤ 0.05/3 rejected; 0.03 > 0.05/2 stops; 0.04 ≤ 0.05/1 would pass alone but Holm stops at 0.03.
    const adjusted = toAdjustedAlphas([0.04, 0.001, 0.03], { familyAlpha: 0.05, method: "holm" });
    expect(adjusted.map((check) => check.alpha)).toEqual([0.025, 0.05 / 3, 0.025]);
    adjusted.forEach((check, i) => expectRelative(check.p_value_adjusted, [0.06, 0.003, 0.06][i] as number, 1e-12));
    expect(adjusted.map((check) => check.p_value <= check.alpha)).toEqual([false, true, false]);
  });

  it("leaves a single check at the family alpha under either method", () => {
    for (const method of ["holm", "bonferroni"] as const) {
      expect(toAdjustedAlphas([0.2], { familyAlpha: 0.05, method })).toEqual([
        { alpha: 0.05, p_value: 0.2, p_value_adjusted: 0.2 },
      ]);
    }
  });

  it("throws StatsInputError for a p-value outside [0, 1] or a family alpha outside (0, 1)", () => {
    expect(() => toAdjustedAlphas([1.2], { familyAlpha: 0.05, method: "bonferroni" })).toThrow(StatsInputError);
    expect(() => toAdjustedAlphas([0.1], { familyAlpha: 1, method: "holm" })).toThrow(StatsInputError);
  });
});
