import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { ksTwoSample } from "../../../shared/src/stats/ks-two-sample.js";
import {
  driftCases,
  driftReference,
  expectRelative,
  formulaSample,
  oracle,
  readNumericDrift,
  type SyntheticKsCase,
} from "./support/fixtures.js";

const P_TOLERANCE = 1e-6;
const expectP = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(P_TOLERANCE);

describe("ksTwoSample against the SciPy oracle (ks_2samp, SciPy 1.10.1)", () => {
  for (const file of ["numeric_drift.csv", "numeric_nodrift.csv", "numeric_small_ties.csv"]) {
    const expected = oracle.numeric_drift[file].ks_2samp;
    const { reference, current } = readNumericDrift(file);

    it(`${file}: sizes ${expected.n_reference} and ${expected.n_current}`, () => {
      expect([reference.length, current.length]).toEqual([expected.n_reference, expected.n_current]);
    });

    for (const method of ["auto", "exact", "asymp"] as const) {
      it(`${file}: method ${method} gives SciPy's statistic and p-value`, () => {
        const result = ksTwoSample(reference, current, { method });
        expectRelative(result.statistic, expected[method].statistic, 1e-9);
        expectP(result.pValue, expected[method].pvalue);
        expect(result.method).toBe(method === "auto" ? expected.auto_chose : method);
        expect(result.location).toBe(expected[method].statistic_location);
        expect(result.sign).toBe(expected[method].statistic_sign);
      });
    }

    it(`${file}: the asymptotic p-value is kstwo at round(en), not the textbook limit`, () => {
      const asymp = ksTwoSample(reference, current, { method: "asymp" }).pValue;
      expectP(asymp, expected.asymp_detail.scipy_asymp_pvalue_kstwo_sf_d_round_en);
      const limit = expected.asymp_detail.kolmogorov_limit_pvalue_kstwobign_sf_sqrt_en_d;
      expect(Math.abs(asymp - limit)).toBeGreaterThan(P_TOLERANCE);
    });
  }
});

describe("ksTwoSample against SciPy on synthetic samples (drift-reference-values.json)", () => {
  for (const [name, expected] of driftCases<SyntheticKsCase>("ks_2samp")) {
    const reference = formulaSample(expected.reference);
    const current = formulaSample(expected.current);
    for (const method of ["auto", "exact", "asymp"] as const) {
      const scipyP = expected[method].pvalue;
      if (scipyP === null) continue; // SciPy's NaN: tested below
      it(`${name}: method ${method}`, () => {
        const result = ksTwoSample(reference, current, { method });
        expectRelative(result.statistic, expected[method].statistic, 1e-9);
        expectP(result.pValue, scipyP);
        const usedExact =
          method === "exact" || (method === "auto" && Math.max(reference.length, current.length) <= 10_000);
        expect(result.method).toBe(usedExact && !expected[method].fell_back_to_asymp ? "exact" : "asymp");
      });
    }
  }

  it("chooses exact up to a larger sample of 10,000 and asymptotic above, as SciPy's `<=`", () => {
    const exact = driftReference.ks_2samp.auto_exact_10000_8000;
    const asymp = driftReference.ks_2samp.auto_asymp_12000_9000;
    expect(ksTwoSample(formulaSample(exact.reference), formulaSample(exact.current)).method).toBe("exact");
    expect(ksTwoSample(formulaSample(asymp.reference), formulaSample(asymp.current)).method).toBe("asymp");
  });

  it("falls back from exact to asymptotic where SciPy does: lcm beyond int32 (50,000 vs 49,999)", () => {
    const block = driftReference.ks_2samp.exact_falls_back_50000_49999;
    expect(block.exact.fell_back_to_asymp).toBe(true);
    const result = ksTwoSample(formulaSample(block.reference), formulaSample(block.current), { method: "exact" });
    expect(result.method).toBe("asymp");
    expectP(result.pValue, block.asymp.pvalue);
  });

  it("returns the exact p-value 1, not SciPy's NaN, for asymp with one value per sample", () => {
    const block = driftReference.ks_2samp.single_values_1_1;
    expect(block.asymp.pvalue).toBeNull();
    const result = ksTwoSample([0], [1], { method: "asymp" });
    expect(result).toEqual({ statistic: 1, pValue: 1, method: "exact", sizes: [1, 1], location: 0, sign: 1 });
  });

  it("gives D = 0 and p = 1 for two all-equal samples of the same value, D = 1 for different values", () => {
    expect(ksTwoSample([5, 5, 5], [5, 5])).toMatchObject({ statistic: 0, pValue: 1 });
    expect(ksTwoSample([5, 5, 5], [6, 6]).statistic).toBe(1);
  });

  it("locates D where SciPy's argmax/argmin over [sorted a, sorted b] does when several values reach it", () => {
    // scipy.stats.ks_2samp (1.10.1) on these integer samples: F_b − F_a reaches 0.5 at 0 (b only) and at 2 (in both);
    // SciPy reports 2, the first index in the concatenation, not the smallest value.
    expect(ksTwoSample([2, 3], [0, 2])).toMatchObject({ statistic: 0.5, location: 2, sign: -1 });
    expect(ksTwoSample([0, 3, 4, 4], [1, 2, 2, 3])).toMatchObject({ statistic: 0.5, location: 3, sign: -1 });
    expect(ksTwoSample([2, 3, 3, 4], [1, 3, 3, 3])).toMatchObject({ statistic: 0.25, location: 3, sign: -1 });
    expect(ksTwoSample([1, 3], [2, 4])).toMatchObject({ statistic: 0.5, location: 1, sign: 1 });
  });

  it("is symmetric in its samples for the two-sided test", () => {
    const { reference, current } = readNumericDrift("numeric_drift.csv");
    const forward = ksTwoSample(reference, current);
    const backward = ksTwoSample(current, reference);
    expect(backward.statistic).toBe(forward.statistic);
    expectP(backward.pValue, forward.pValue);
  });
});

describe("ksTwoSample refuses what it cannot test", () => {
  it.each([
    ["an empty reference", [], [1, 2], /reference sample is empty/],
    ["an empty current sample", [1, 2], [], /current sample is empty/],
    ["NaN", [1, Number.NaN], [1, 2], /NaN at index 1/],
    ["an infinity", [1, 2], [Number.POSITIVE_INFINITY], /Infinity at index 0/],
  ])("%s, with a DataError naming it", (_label, a, b, message) => {
    expect(() => ksTwoSample(a, b)).toThrow(DataError);
    expect(() => ksTwoSample(a, b)).toThrow(message);
  });

  it("an unknown method", () => {
    expect(() => ksTwoSample([1], [2], { method: "fast" as never })).toThrow(/Unknown KS method "fast"/);
  });

  it("does not modify its inputs", () => {
    const a = [3, 1, 2];
    ksTwoSample(a, [0.5, 2.5]);
    expect(a).toEqual([3, 1, 2]);
  });
});

describe("the drift input error", () => {
  it("is a DataError whose hint says how to fix the data", () => {
    try {
      ksTwoSample([Number.NaN], [1]);
      expect.fail("expected a DataError");
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).hint).toMatch(/drop missing values before a drift test/);
    }
  });
});
