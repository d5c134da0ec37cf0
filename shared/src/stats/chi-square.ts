import { chiSquareSf } from "./chi-square-distribution.js";
import { DriftInputError } from "./drift-input-error.js";
import { requireCounts } from "./require-counts.js";

export interface ChiSquareResult {
  /** Pearson's χ² statistic (Yates-corrected for a contingency table with one degree of freedom). */
  statistic: number;
  /** P(χ²(dof) ≥ statistic); 1 when dof is 0. */
  pValue: number;
  dof: number;
}

/**
 * Pearson's χ² test of independence on an r × c table of counts, as scipy.stats.chi2_contingency(table) with its
 * default `correction=True`: expected = row sum · column sum / total; dof = (r − 1)(c − 1); when dof = 1 (a 2 × 2
 * table) every |observed − expected| is reduced by min(½, |observed − expected|) (Yates); dof = 0 gives statistic 0
 * and p = 1. Columns whose counts are all zero are dropped first (SciPy refuses them: their expected count is 0),
 * so a category absent from both samples does not count towards dof. For drift, rows are the reference and current
 * samples and columns the categories or bins.
 * @throws {DriftInputError} on a ragged or empty table, a negative or non-finite count, or a row that sums to 0.
 */
export function chiSquareContingency(counts: number[][]): ChiSquareResult {
  if (counts.length === 0) throw new DriftInputError("The contingency table has no rows; expected one per sample.");
  const width = (counts[0] as number[]).length;
  counts.forEach((row, r) => {
    if (row.length !== width) {
      throw new DriftInputError(
        `Row ${r} of the contingency table has ${row.length} counts but row 0 has ${width}; expected one count per category in every row.`,
      );
    }
  });
  const rowSums = counts.map((row, r) => requireCounts(row, `row ${r}`));
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (counts.some((row) => (row[c] as number) > 0)) keep.push(c);
  const colSums = keep.map((c) => counts.reduce((sum, row) => sum + (row[c] as number), 0));
  const total = rowSums.reduce((sum, value) => sum + value, 0);
  const dof = (counts.length - 1) * (keep.length - 1);
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  let statistic = 0;
  counts.forEach((row, r) => {
    keep.forEach((c, k) => {
      const expected = ((rowSums[r] as number) * (colSums[k] as number)) / total;
      let observed = row[c] as number;
      if (dof === 1) {
        const difference = expected - observed;
        observed += Math.sign(difference) * Math.min(0.5, Math.abs(difference));
      }
      statistic += (observed - expected) ** 2 / expected;
    });
  });
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

/**
 * Pearson's χ² goodness-of-fit test of observed counts against expected counts, as scipy.stats.chisquare(observed,
 * f_exp=expected): statistic Σ (o − e)²/e, dof = k − 1, p = χ²(dof) survival. As SciPy 1.10 does, the two totals
 * must agree to 1e-8 relative (scale the reference proportions to the observed total before calling). Every expected
 * count must be > 0: a category unseen in the reference has no expected count, so drop it (and say so) or use the
 * contingency test.
 * @throws {DriftInputError} on mismatched lengths, negative, non-finite or zero expected counts, or totals that differ.
 */
export function chiSquareGoodnessOfFit(observed: number[], expected: number[]): ChiSquareResult {
  if (observed.length !== expected.length) {
    throw new DriftInputError(
      `${observed.length} observed counts but ${expected.length} expected counts; expected one of each per category.`,
    );
  }
  const observedTotal = requireCounts(observed, "observed");
  const expectedTotal = requireCounts(expected, "expected");
  expected.forEach((value, i) => {
    if (!(value > 0)) {
      throw new DriftInputError(
        `The expected count of category ${i} is 0; a χ² goodness-of-fit test needs every expected count > 0.`,
        "Drop the categories the reference never saw (report them separately) or use the contingency test.",
      );
    }
  });
  if (Math.abs(observedTotal - expectedTotal) > 1e-8 * Math.min(observedTotal, expectedTotal)) {
    throw new DriftInputError(
      `The observed counts sum to ${observedTotal} but the expected counts to ${expectedTotal}; they must agree.`,
      "Scale the expected proportions to the observed total before the goodness-of-fit test.",
    );
  }
  let statistic = 0;
  observed.forEach((o, i) => {
    const e = expected[i] as number;
    statistic += (o - e) ** 2 / e;
  });
  const dof = observed.length - 1;
  return { statistic, pValue: dof === 0 ? 1 : chiSquareSf(statistic, dof), dof };
}
