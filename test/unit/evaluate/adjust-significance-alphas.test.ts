import { describe, expect, it } from "vitest";
import {
  adjustSignificanceAlphas,
  type SignificanceCheckEvidence,
} from "../../../shared/src/evaluate/adjust-significance-alphas.js";
import type { SignificanceEvidence } from "../../../shared/src/stats/to-significance-interval.js";
import { drawBootstrapDistribution } from "../../../shared/src/stats/bootstrap-distribution.js";
import { expectRelative, oracle, reference } from "../stats/support/fixtures.js";

const delong = oracle.paired_models.delong_auc;
const evidence: SignificanceEvidence = {
  method: "delong",
  difference: delong.auc_diff_candidate_minus_baseline,
  varianceDifference: delong.var_diff,
};
const improvement = (bound: number): SignificanceCheckEvidence => ({
  rule: { direction: "higher", kind: "min-improvement", bound },
  evidence,
});
// One-sided p-values, by hand from the oracle: min-improvement 0 → p₀ = pvalue_two_sided/2; the one-sided 95% lower
// DeLong limit → 0.05; Δ itself → 0.5.
const checks = [
  improvement(0),
  improvement(reference.delong_bounds.lower_one_sided_95),
  improvement(delong.auc_diff_candidate_minus_baseline),
];
const p0 = delong.pvalue_two_sided / 2;

describe("adjustSignificanceAlphas", () => {
  it("applies Holm to the inverted one-sided p-values of DeLong checks", () => {
    const adjusted = adjustSignificanceAlphas(checks, { familyAlpha: 0.05, method: "holm" });
    expect(adjusted.every((check) => check.ok)).toBe(true);
    [p0, 0.05, 0.5].forEach((p, i) => expectRelative(adjusted[i]!.p_value, p, 1e-9));
    // Holm: 3·p₀; max(3·p₀, 2·0.05); max(0.1, 1·0.5).
    [3 * p0, 0.1, 0.5].forEach((p, i) => expectRelative(adjusted[i]!.p_value_adjusted, p, 1e-9));
    // p₀ ≤ 0.05/3 is rejected; 0.05 > 0.05/2 stops, so the last is held to 0.025 too.
    expect(adjusted.map((check) => check.alpha)).toEqual([0.05 / 3, 0.025, 0.025]);
  });

  it("applies Bonferroni to the same checks when asked", () => {
    const adjusted = adjustSignificanceAlphas(checks, { familyAlpha: 0.05, method: "bonferroni" });
    [3 * p0, 0.15, 1].forEach((p, i) => expectRelative(adjusted[i]!.p_value_adjusted, p, 1e-9));
    expect(adjusted.map((check) => check.alpha)).toEqual([0.05 / 3, 0.05 / 3, 0.05 / 3]);
  });

  it("counts a check whose p-value cannot be computed as p = 1 and says why", () => {
    const constant = drawBootstrapDistribution([1, 1, 1, 1], { resamples: 50, seed: 1 });
    const broken: SignificanceCheckEvidence = {
      rule: { direction: "higher", kind: "max-regression", bound: 0.1 },
      evidence: { method: "bootstrap", distribution: constant, interval: "bca" },
    };
    const adjusted = adjustSignificanceAlphas([improvement(0), broken], { familyAlpha: 0.05, method: "holm" });
    expect(adjusted[1]).toMatchObject({
      ok: false,
      p_value: 1,
      p_value_adjusted: 1,
      alpha: 0.05,
      reason: expect.stringContaining("BCa"),
    });
    expect(adjusted[0]).toMatchObject({ ok: true, alpha: 0.025 });
  });

  it("returns nothing for a gate without significance checks", () => {
    expect(adjustSignificanceAlphas([], { familyAlpha: 0.05, method: "holm" })).toEqual([]);
  });
});
