import { describe, expect, it } from "vitest";
import { normalCdf, normalPpf, normalSf } from "../../../shared/src/stats/normal-distribution.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectRelative, oracle, reference } from "./support/fixtures.js";

interface CdfCase {
  z: number;
  cdf_mpmath: number;
  sf_mpmath: number;
  cdf_scipy_ndtr: number;
  sf_scipy_norm_sf: number;
}
interface PpfCase {
  p: number;
  ppf_mpmath: number;
  ppf_scipy_ndtri: number;
}
const cdfCases = reference.normal.cdf_sf as CdfCase[];
const ppfCases = reference.normal.ppf as PpfCase[];

describe("normalCdf and normalSf", () => {
  // mpmath.ncdf at 50 digits, rounded to double: Cody's algorithm is within a few ulps over |z| ≤ 37.
  it.each(cdfCases)("match 50-digit values to 1e-15 relative at z = $z", (c) => {
    expectRelative(normalCdf(c.z), c.cdf_mpmath, 1e-15);
    expectRelative(normalSf(c.z), c.sf_mpmath, 1e-15);
  });

  // scipy.special.ndtr itself loses ~1e-13 in the far tail (exp of a rounded square), hence the looser bound.
  it.each(cdfCases)("match scipy.special.ndtr and scipy.stats.norm.sf to 1e-12 at z = $z", (c) => {
    expectRelative(normalCdf(c.z), c.cdf_scipy_ndtr, 1e-12);
    expectRelative(normalSf(c.z), c.sf_scipy_norm_sf, 1e-12);
  });

  it("gives the oracle's DeLong p-value 2·norm.sf(|z|) to 1e-12", () => {
    const delong = oracle.paired_models.delong_auc;
    expectRelative(2 * normalSf(Math.abs(delong.z)), delong.pvalue_two_sided, 1e-12);
  });

  it("returns exact limits at the ends and symmetric values around 0", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalSf(Infinity)).toBe(0);
    for (const z of [0.3, 1.7, 4.2, 6.1, 12]) expect(normalCdf(-z)).toBe(normalSf(z));
  });

  it("throws StatsInputError when z is NaN", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(StatsInputError);
  });
});

describe("normalPpf", () => {
  it.each(ppfCases)("matches the 50-digit root of ncdf(x) = p to 2e-16 relative at p = $p", (c) => {
    expectRelative(normalPpf(c.p), c.ppf_mpmath, c.ppf_mpmath === 0 ? 0 : 2.3e-16);
  });

  it.each(ppfCases)("matches scipy.special.ndtri to 1e-15 at p = $p", (c) => {
    expectRelative(normalPpf(c.p), c.ppf_scipy_ndtri, 1e-15);
  });

  it("reproduces the oracle's BCa z0 = ndtri(0.5775) to 1e-12", () => {
    const bca = oracle.paired_models.bootstrap_accuracy_difference.fixed_indices_case.bca;
    expectRelative(normalPpf(bca.percentile_of_theta_hat), bca.z0, 1e-12);
  });

  it("gives ∓∞ at 0 and 1, as scipy.special.ndtri", () => {
    expect(normalPpf(0)).toBe(-Infinity);
    expect(normalPpf(1)).toBe(Infinity);
  });

  it("throws StatsInputError when p is outside [0, 1] or NaN", () => {
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => normalPpf(p)).toThrow(StatsInputError);
  });
});
