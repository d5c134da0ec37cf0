import { describe, expect, it } from "vitest";
import { testSlicesAgainstMargin } from "../../../../shared/src/evaluate/slice-search/test-slices-against-margin.js";
import type { ScannedSlice } from "../../../../shared/src/evaluate/slice-search/scan-slice-lattice.js";
import { adjustHolm } from "../../../../shared/src/stats/multiple-testing.js";

function sliceOf(name: number, regressions: number[]): ScannedSlice {
  return {
    predicates: [[0, name]],
    rows: regressions.length,
    regressionSum: regressions.reduce((a, b) => a + b, 0),
    regressionSquares: regressions.reduce((a, b) => a + b * b, 0),
  };
}

// scipy.stats.ttest_1samp(d, popmean=0.05, alternative="greater") (SciPy 1.10): (2.0, 0.030001018193049168) and
// (1.5, 0.07332782303410035).
const D1 = [1, 0, 0, 1, -1, 1, 0, 1, 1, 0, 0, 1, 0, -1, 1, 1, 0, 1, 0, 0];
const D2 = [1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, -1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1];

describe("testSlicesAgainstMargin", () => {
  it("gives scipy's one-sample t test against the margin and Holm's adjustment over the whole family", () => {
    const tested = testSlicesAgainstMargin(
      [sliceOf(1, D2), sliceOf(0, D1)],
      0.05,
      10,
      (s) => `s${s.predicates[0]![1]}`,
    );
    expect(tested.map((t) => t.statistic)).toEqual([expect.closeTo(2.0, 12), expect.closeTo(1.5, 12)]);
    expect(tested[0]!.p).toBeCloseTo(0.030001018193049168, 12);
    expect(tested[1]!.p).toBeCloseTo(0.07332782303410035, 12);
    // The eight family members left out had p ≥ ½; Holm over all ten gives the tested ones the same values.
    const holm = adjustHolm([tested[0]!.p, tested[1]!.p, ...Array<number>(8).fill(0.5)]);
    expect(tested.map((t) => t.adjusted)).toEqual([expect.closeTo(holm[0]!, 14), expect.closeTo(holm[1]!, 14)]);
    expect(tested[0]!.adjusted).toBeCloseTo(10 * 0.030001018193049168, 12);
  });

  it("gives p 0 to a slice whose regressions are all equal and above the margin", () => {
    const [only] = testSlicesAgainstMargin([sliceOf(0, Array<number>(30).fill(1))], 0.01, 5, () => "all");
    expect(only?.p).toBe(0);
    expect(only?.statistic).toBeNull();
    expect(only?.adjusted).toBe(0);
  });
});
