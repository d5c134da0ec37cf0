import { studentTSf } from "../../stats/student-t.js";
import type { ScannedSlice } from "./scan-slice-lattice.js";

/** A candidate slice with its one-sided test against the margin and its Holm-adjusted p-value over the family. */
export interface TestedSlice {
  slice: ScannedSlice;
  /** Mean regression on the slice (positive = worse), in the metric's units. */
  regression: number;
  /** t = (mean regression − margin) / (s / √n), n − 1 degrees of freedom; null when s = 0 (no t to show). */
  statistic: number | null;
  p: number;
  adjusted: number;
}

/**
 * Tests each candidate slice's mean paired regression against the margin, H₀: mean ≤ margin vs H₁: mean > margin,
 * with Student's one-sample t test on the per-example regressions, as scipy.stats.ttest_1samp(d, popmean=margin,
 * alternative="greater"): t = (mean − margin)/(s/√n), s the sample standard deviation (ddof = 1), p = P(T_{n−1} > t)
 * (a slice whose regressions are all equal, and above the margin, has p = 0). The p-values are adjusted
 * by Holm's step-down over the whole `family` (every slice of the lattice of at least the minimum size):
 * adj₍ᵢ₎ = min(1, max_{j≤i} (m − j + 1)·p₍ⱼ₎), as statsmodels multipletests(method="holm") with m = family. The
 * slices left out are those whose mean does not exceed the margin (p ≥ ½), which rank after every candidate, so the
 * candidates' adjusted values are exact. Returned smallest p first (ties: larger regression, then name order).
 */
export function testSlicesAgainstMargin(
  candidates: readonly ScannedSlice[],
  margin: number,
  family: number,
  nameOf: (s: ScannedSlice) => string,
): TestedSlice[] {
  const tested = candidates.map((slice): TestedSlice => {
    const n = slice.rows;
    const mean = slice.regressionSum / n;
    const variance = n > 1 ? Math.max(0, (slice.regressionSquares - n * mean * mean) / (n - 1)) : 0;
    const se = Math.sqrt(variance / n);
    if (!(se > 0)) return { slice, regression: mean, statistic: null, p: 0, adjusted: 1 };
    const statistic = (mean - margin) / se;
    return { slice, regression: mean, statistic, p: studentTSf(statistic, n - 1), adjusted: 1 };
  });
  const names = new Map(tested.map((t) => [t, nameOf(t.slice)]));
  tested.sort(
    (a, b) => a.p - b.p || b.regression - a.regression || compareText(names.get(a) as string, names.get(b) as string),
  );
  let running = 0;
  tested.forEach((t, rank) => {
    running = Math.max(running, (family - rank) * t.p);
    t.adjusted = Math.min(1, running);
  });
  return tested;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
