import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { chiSquareContingency, chiSquareGoodnessOfFit } from "../../../shared/src/stats/chi-square.js";
import { chiSquareSf } from "../../../shared/src/stats/chi-square-distribution.js";
import { logGamma } from "../../../shared/src/stats/log-gamma.js";
import { driftCases, driftReference, expectRelative, oracle, type ScipyChiSquareCase } from "./support/fixtures.js";

const expectP = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(1e-6);

describe("chiSquareSf (scipy.stats.chi2.sf) via the regularized upper incomplete gamma", () => {
  it.each(driftReference.chi2_sf as [number, number, number][])("x = %f, dof = %d → %f", (x, dof, expected) => {
    const actual = chiSquareSf(x, dof);
    if (expected < 1e-300) expect(actual).toBeLessThan(1e-290);
    else expectRelative(actual, expected, 1e-12);
  });

  it("is 1 at x ≤ 0 and NaN for dof ≤ 0", () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(-1, 3)).toBe(1);
    expect(chiSquareSf(1, 0)).toBeNaN();
  });
});

describe("logGamma (scipy.special.gammaln)", () => {
  it.each(driftReference.gammaln as [number, number][])("ln Γ(%f) = %f", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });
});

describe("chiSquareContingency against the SciPy oracle (chi2_contingency, correction=True)", () => {
  const categorical = oracle.categorical_drift;
  interface ContingencyBlock {
    table: number[][];
    correction_True: { statistic: number; pvalue: number; dof: number };
  }
  const cases: [string, ContingencyBlock][] = [
    ["categorical 2×7", categorical.chi2_contingency_2xK],
    ["categorical 2×2 A vs rest (Yates)", categorical.chi2_2x2_A_vs_rest],
    ...["numeric_drift.csv", "numeric_nodrift.csv", "numeric_small_ties.csv"].flatMap((file) =>
      (["bins_closed_left", "bins_closed_right"] as const).map(
        (closed) =>
          [`${file} ${closed}`, oracle.numeric_drift[file].psi_10_quantile_bins[closed].chi2_contingency_2xK] as [
            string,
            ContingencyBlock,
          ],
      ),
    ),
  ];
  it.each(cases)("%s", (_name, block) => {
    const result = chiSquareContingency(block.table);
    expectRelative(result.statistic, block.correction_True.statistic, 1e-9);
    expectP(result.pValue, block.correction_True.pvalue);
    expect(result.dof).toBe(block.correction_True.dof);
  });

  it("drops all-zero columns (the ties data set's empty bins) as the oracle does", () => {
    const block = oracle.numeric_drift["numeric_small_ties.csv"].psi_10_quantile_bins.bins_closed_left;
    const table = [block.reference_counts, block.current_counts];
    expect(table[0]).toContain(0);
    expect(chiSquareContingency(table).dof).toBe(6);
  });

  it("applies Yates' correction only when dof = 1: the 2×2 without correction differs", () => {
    const block = categorical.chi2_2x2_A_vs_rest;
    expect(Math.abs(chiSquareContingency(block.table).statistic - block.correction_False.statistic)).toBeGreaterThan(
      0.1,
    );
  });
});

describe("chiSquareContingency against SciPy on small, weighted, empty-column and single-category tables", () => {
  it.each(driftCases<ScipyChiSquareCase>("chi2_contingency"))("%s", (_name, block) => {
    const result = chiSquareContingency(block.table);
    expectRelative(result.statistic, block.statistic, 1e-9);
    expectP(result.pValue, block.pvalue);
    expect(result.dof).toBe(block.dof);
  });
});

describe("chiSquareGoodnessOfFit (scipy.stats.chisquare)", () => {
  it("matches the oracle's goodness of fit on the categories seen in the reference", () => {
    const categorical = oracle.categorical_drift;
    const seen = (categorical.reference_counts as number[]).map((count) => count > 0);
    const reference = (categorical.reference_counts as number[]).filter((_, i) => seen[i]);
    const observed = (categorical.current_counts as number[]).filter((_, i) => seen[i]);
    const referenceTotal = reference.reduce((a, b) => a + b, 0);
    const observedTotal = observed.reduce((a, b) => a + b, 0);
    const expected = reference.map((count) => (count / referenceTotal) * observedTotal);
    const result = chiSquareGoodnessOfFit(observed, expected);
    const block = categorical.chisquare_gof_seen_categories_only;
    expectRelative(result.statistic, block.statistic, 1e-9);
    expectP(result.pValue, block.pvalue);
    expect(result.dof).toBe(block.dof);
  });

  it.each(driftCases<ScipyChiSquareCase>("chisquare_gof"))("%s", (_name, block) => {
    const result = chiSquareGoodnessOfFit(block.observed, block.expected);
    expectRelative(result.statistic, block.statistic, 1e-9);
    expectP(result.pValue, block.pvalue);
    expect(result.dof).toBe(block.dof);
  });
});

describe("the χ² tests refuse what they cannot test, with a DataError", () => {
  it.each([
    ["no rows", [], /no rows/],
    ["a ragged table", [[1, 2], [3]], /Row 1 .* has 1 counts but row 0 has 2/],
    [
      "a negative count",
      [
        [1, -2],
        [3, 4],
      ],
      /row 0 count at index 1 is -2/,
    ],
    [
      "NaN",
      [
        [1, Number.NaN],
        [3, 4],
      ],
      /row 0 count at index 1 is NaN/,
    ],
    [
      "an empty sample",
      [
        [0, 0],
        [3, 4],
      ],
      /row 0 counts sum to 0/,
    ],
  ])("contingency: %s", (_label, table, message) => {
    expect(() => chiSquareContingency(table as number[][])).toThrow(DataError);
    expect(() => chiSquareContingency(table as number[][])).toThrow(message);
  });

  it.each([
    ["different lengths", [1, 2], [3], /2 observed counts but 1 expected/],
    ["a zero expected count", [1, 2], [3, 0], /expected count of category 1 is 0/],
    ["totals that differ", [1, 2], [2, 2], /sum to 3 but the expected counts to 4/],
    ["no categories", [], [], /observed counts are empty/],
  ])("goodness of fit: %s", (_label, observed, expected, message) => {
    expect(() => chiSquareGoodnessOfFit(observed, expected)).toThrow(DataError);
    expect(() => chiSquareGoodnessOfFit(observed, expected)).toThrow(message);
  });
});
