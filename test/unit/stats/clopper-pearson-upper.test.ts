import { describe, expect, it } from "vitest";
import { clopperPearsonUpper } from "../../../shared/src/stats/clopper-pearson-upper.js";
import { countChangedUnits, fewestChangesForDirection } from "../../../shared/src/stats/count-changed-units.js";
import { noVariancePValue, toNoVarianceLimits } from "../../../shared/src/stats/no-variance-bound.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectRelative, fewChangesReference } from "./support/fixtures.js";

// make_few_changes_reference_values.py: scipy.stats.beta.ppf(1 − alpha, k + 1, n − k), binomtest, binom.cdf.
const ref = fewChangesReference;

describe("clopperPearsonUpper", () => {
  it("is SciPy's beta.ppf(1 − alpha, k + 1, n − k) for k up to 6 of n from 20 to 10⁶ at five levels", () => {
    expect(ref.clopper_pearson_upper.length).toBe(150);
    for (const want of ref.clopper_pearson_upper) {
      expectRelative(clopperPearsonUpper(want.k, want.n, want.alpha), want.upper, 1e-10);
    }
  });

  it("is 1 when every trial was an event and refuses more events than trials", () => {
    expect(clopperPearsonUpper(5, 5, 0.05)).toBe(1);
    expect(() => clopperPearsonUpper(6, 5, 0.05)).toThrow(StatsInputError);
    expect(() => clopperPearsonUpper(1.5, 5, 0.05)).toThrow(StatsInputError);
  });
});

describe("fewestChangesForDirection", () => {
  it("is the smallest k whose all-one-way sign test reaches alpha, as scipy.stats.binomtest(k, k, 0.5, 'greater')", () => {
    for (const { k, p_all_one_way } of ref.sign_test.all_one_way) expectRelative(0.5 ** k, p_all_one_way, 1e-15);
    for (const [alpha, fewest] of Object.entries(ref.sign_test.fewest_for_direction)) {
      expect(fewestChangesForDirection(Number(alpha)), `alpha ${alpha}`).toBe(fewest);
    }
  });

  it("refuses alpha outside (0, 1), which would never end", () => {
    expect(() => fewestChangesForDirection(0)).toThrow(StatsInputError);
  });
});

describe("countChangedUnits", () => {
  it("counts the examples whose change is not 0, treating rounding as no change", () => {
    expect(countChangedUnits([1, 0, 1, 1], [1, 1, 0, 1])).toBe(2);
    expect(countChangedUnits([0.9 ** 2 - 0.1, 0.5], [0.71, 0.5])).toBe(0);
  });
});

describe("the exact bound with k of n examples changed", () => {
  it("bounds an accuracy change by ±u, u the Clopper–Pearson limit of k in n, with p = binom.cdf(k, n, r)", () => {
    for (const want of ref.exact_bound_accuracy) {
      const evidence = { constant: 0, range: [-1, 1] as const, trials: want.n, differing: want.k };
      const limits = toNoVarianceLimits(evidence, want.alpha);
      expectRelative(limits.low, want.low, 1e-10);
      expectRelative(limits.high, want.high, 1e-10);
      for (const [bound, p] of Object.entries(want.p_value_by_bound)) {
        expectRelative(noVariancePValue(evidence, -Number(bound), "greater"), p as number, 1e-10);
        expectRelative(noVariancePValue(evidence, Number(bound), "less"), p as number, 1e-10);
      }
    }
  });

  it("refuses more changed units than units", () => {
    expect(() => toNoVarianceLimits({ constant: 0, range: [-1, 1], trials: 3, differing: 4 }, 0.05)).toThrow(
      StatsInputError,
    );
  });
});
