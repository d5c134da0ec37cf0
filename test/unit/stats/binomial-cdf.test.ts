import { describe, expect, it } from "vitest";
import { binomialCdf } from "../../../shared/src/stats/binomial-cdf.js";
import { binomialPmf } from "../../../shared/src/stats/binomial-pmf.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectRelative, oracle, reference } from "./support/fixtures.js";

interface BinomialCase {
  k: number;
  n: number;
  p: number;
  pmf_mpmath: number;
  cdf_mpmath: number;
}
const cases = reference.binomial as BinomialCase[];

describe("binomialCdf", () => {
  // 50-digit pmf sums (mpmath) at the exact double p; SciPy 1.10's binom.cdf is itself off by up to 3.2e-13 here.
  it.each(cases)("matches the 50-digit CDF to 1e-13 relative at k = $k, n = $n, p = $p", (c) => {
    expectRelative(binomialCdf(c.k, c.n, c.p), c.cdf_mpmath, 1e-13);
  });

  it("gives the oracle's McNemar p = 2·binom.cdf(78, 221, 0.5) to 1e-14", () => {
    expectRelative(2 * binomialCdf(78, 221, 0.5), oracle.paired_models.mcnemar.exact_2x_binom_cdf_min_pvalue, 1e-14);
  });

  it("floors k and returns 0 below the support and 1 from n on, as scipy.stats.binom.cdf", () => {
    expect(binomialCdf(3.7, 10, 0.3)).toBe(binomialCdf(3, 10, 0.3));
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(4, 10, 0)).toBe(1);
    expect(binomialCdf(4, 10, 1)).toBe(0);
  });

  it("throws StatsInputError for a fractional n, p outside [0, 1] or NaN k", () => {
    expect(() => binomialCdf(1, 2.5, 0.5)).toThrow(StatsInputError);
    expect(() => binomialCdf(1, 10, 1.2)).toThrow(StatsInputError);
    expect(() => binomialCdf(Number.NaN, 10, 0.5)).toThrow(StatsInputError);
  });
});

describe("binomialPmf", () => {
  it.each(cases)("matches the 50-digit pmf to 1e-13 relative at k = $k, n = $n, p = $p", (c) => {
    expectRelative(binomialPmf(c.k, c.n, c.p), c.pmf_mpmath, 1e-13);
  });

  it("is 0 outside 0..n and exact at the degenerate probabilities", () => {
    expect(binomialPmf(-1, 5, 0.5)).toBe(0);
    expect(binomialPmf(6, 5, 0.5)).toBe(0);
    expect(binomialPmf(0, 5, 0)).toBe(1);
    expect(binomialPmf(5, 5, 1)).toBe(1);
    expect(binomialPmf(0, 0, 0.4)).toBe(1);
  });

  it("throws StatsInputError for a fractional k", () => {
    expect(() => binomialPmf(1.5, 5, 0.5)).toThrow(StatsInputError);
  });
});
