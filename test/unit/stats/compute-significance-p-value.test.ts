import { describe, expect, it } from "vitest";
import { computeSignificancePValue } from "../../../shared/src/stats/compute-significance-p-value.js";
import { decideSignificance } from "../../../shared/src/stats/decide-significance.js";
import {
  toSignificanceInterval,
  type SignificanceEvidence,
} from "../../../shared/src/stats/to-significance-interval.js";
import type { SignificanceRule } from "../../../shared/src/stats/to-significance-margin.js";
import {
  drawBootstrapDistribution,
  toBootstrapDistribution,
} from "../../../shared/src/stats/bootstrap-distribution.js";
import {
  expectOk,
  expectRelative,
  oracle,
  pairedDifferences,
  readPairedPredictions,
  reference,
} from "../stats/support/fixtures.js";

const delong = oracle.paired_models.delong_auc;
const delongEvidence: SignificanceEvidence = {
  method: "delong",
  difference: delong.auc_diff_candidate_minus_baseline,
  varianceDifference: delong.var_diff,
};
/** Resampled means 0.01, 0.02, …, 1.00: numpy.percentile at q% reads 0.01 + 0.0099·q, so limits are hand-checkable. */
const ladder: SignificanceEvidence = {
  method: "bootstrap",
  interval: "percentile",
  distribution: toBootstrapDistribution(
    [0, 1],
    Float64Array.from({ length: 100 }, (_, k) => (k + 1) / 100),
  ),
};

describe("computeSignificancePValue", () => {
  it("gives half the oracle's two-sided DeLong p for min-improvement 0 when the candidate's AUC is higher", () => {
    const p = expectOk(
      computeSignificancePValue({ direction: "higher", kind: "min-improvement", bound: 0 }, delongEvidence),
    );
    expectRelative(p.value, delong.pvalue_two_sided / 2, 1e-9);
  });

  it("gives 0.05 when the threshold is the oracle's one-sided 95% DeLong limit, on either side", () => {
    const bounds = reference.delong_bounds; // Δ ∓ scipy.special.ndtri(0.95)·√Var(Δ)
    const above = computeSignificancePValue(
      { direction: "higher", kind: "min-improvement", bound: bounds.lower_one_sided_95 },
      delongEvidence,
    );
    expectRelative(expectOk(above).value, 0.05, 1e-9);
    const below = computeSignificancePValue(
      { direction: "lower", kind: "max-regression", bound: bounds.upper_one_sided_95 },
      delongEvidence,
    );
    expectRelative(expectOk(below).value, 0.05, 1e-9);
  });

  it("inverts a percentile interval by bisection when the evidence is a bootstrap distribution", () => {
    // Lower limit at alpha: 0.01 + 0.99·alpha ≥ 0.5 ⇔ alpha ≥ 49/99.
    const higher = computeSignificancePValue({ direction: "higher", kind: "min-improvement", bound: 0.5 }, ladder);
    expect(expectOk(higher).value).toBeCloseTo(49 / 99, 6);
    // Upper limit at alpha: 0.01 + 0.99·(1 − alpha) ≤ 0.2 ⇔ alpha ≥ 80/99.
    const lower = computeSignificancePValue({ direction: "lower", kind: "max-regression", bound: 0.2 }, ladder);
    expect(expectOk(lower).value).toBeCloseTo(80 / 99, 6);
  });

  it("gives 1 when the rule passes at no alpha and about 0 when it passes at every alpha", () => {
    const never = computeSignificancePValue({ direction: "higher", kind: "min-improvement", bound: 2 }, ladder);
    expect(expectOk(never).value).toBe(1);
    const always = computeSignificancePValue({ direction: "higher", kind: "max-regression", bound: 1 }, ladder);
    expect(expectOk(always).value).toBeLessThan(1e-14);
  });

  it("is the smallest alpha at which decideSignificance passes when the interval is BCa", () => {
    const data = readPairedPredictions();
    const distribution = drawBootstrapDistribution(pairedDifferences("accuracy", data), { resamples: 2000, seed: 7 });
    const evidence: SignificanceEvidence = { method: "bootstrap", distribution, interval: "bca" };
    const rule: SignificanceRule = { direction: "higher", kind: "min-improvement", bound: 0.05 };
    const p = expectOk(computeSignificancePValue(rule, evidence)).value;
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.99);
    const verdictAt = (alpha: number) =>
      decideSignificance(rule, alpha, expectOk(toSignificanceInterval(evidence, alpha))).verdict;
    expect(verdictAt(p * 1.001)).toBe("pass");
    expect(verdictAt(p * 0.999)).not.toBe("pass");
  });

  it("is cannot-compute when the rule or the interval cannot be computed", () => {
    const zeroBaseline = computeSignificancePValue(
      { direction: "higher", kind: "max-regression-pct", bound: 1, baseline: 0 },
      ladder,
    );
    expect(zeroBaseline.ok).toBe(false);
    const constant = drawBootstrapDistribution([1, 1, 1, 1], { resamples: 50, seed: 1 });
    const bca = computeSignificancePValue(
      { direction: "higher", kind: "max-regression", bound: 0.1 },
      { method: "bootstrap", distribution: constant, interval: "bca" },
    );
    expect(bca).toEqual({ ok: false, reason: expect.stringContaining("No BCa interval") });
  });
});
