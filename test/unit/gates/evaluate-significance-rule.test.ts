import { describe, expect, it } from "vitest";
import { evaluateSignificanceRule, type SignificanceRuleInput } from "../../../shared/src/gates/evaluate-significance-rule.js";
import { computePairedBootstrap } from "../../../shared/src/stats/paired-bootstrap.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectOk, expectRelative, oracle, readPairedPredictions, reference } from "../stats/support/fixtures.js";

const data = readPairedPredictions();
const delong = oracle.paired_models.delong_auc;
const auc = (bound: number, kind: "min-improvement" | "max-regression-pct" = "min-improvement"): SignificanceRuleInput => ({
  metric: "roc_auc",
  yTrue: data.yTrue,
  baseline: data.baselineScore,
  candidate: data.candidateScore,
  rule: { direction: "higher", kind, bound },
  alpha: 0.05,
});
const accuracy: SignificanceRuleInput = {
  metric: "accuracy",
  yTrue: data.yTrue,
  baseline: data.baselinePred,
  candidate: data.candidatePred,
  rule: { direction: "higher", kind: "max-regression", bound: 0.01 },
  alpha: 0.05,
};

describe("evaluateSignificanceRule with DeLong", () => {
  it("passes min-improvement 0 on the oracle's AUCs with its one-sided limits and p-values", () => {
    const check = evaluateSignificanceRule(auc(0), { seed: 1 });
    if (!check.decided) return expect.fail(check.message);
    expect(check).toMatchObject({ method: "delong", verdict: "pass", bound: 0 });
    expectRelative(check.ci[0], reference.delong_bounds.lower_one_sided_95, 1e-9);
    expectRelative(check.ci[1], reference.delong_bounds.upper_one_sided_95, 1e-9);
    expectRelative(check.p_value, delong.pvalue_two_sided / 2, 1e-9); // one-sided: Φ(−z), z = 3.4959…
    expectRelative(check.p_value_no_difference!, delong.pvalue_two_sided, 1e-9);
  });

  it("is inconclusive when the threshold lies inside [0.02369, 0.06579] and fails above it", () => {
    expect(evaluateSignificanceRule(auc(0.03), { seed: 1 }).verdict).toBe("inconclusive");
    expect(evaluateSignificanceRule(auc(0.07), { seed: 1 }).verdict).toBe("fail");
  });

  it("converts a percent rule with the baseline's AUC", () => {
    // 1% of the oracle's baseline AUC 0.783011759… allows delta ≥ −0.00783011759….
    const check = evaluateSignificanceRule(auc(1, "max-regression-pct"), { seed: 1 });
    expect(check).toMatchObject({ verdict: "pass", bound: expect.closeTo(-delong.auc_baseline / 100, 12) });
  });

  it("fails undecided when both models rank every pair alike", () => {
    const same = { ...auc(0), candidate: data.baselineScore.map((x) => 2 * x + 1) };
    expect(evaluateSignificanceRule(same, { seed: 1 })).toMatchObject({ method: "delong", decided: false, verdict: "fail" });
  });
});

describe("evaluateSignificanceRule with the paired bootstrap", () => {
  it("gives the same check for the same seed and computePairedBootstrap's one-sided BCa limits", () => {
    const first = evaluateSignificanceRule(accuracy, { seed: 12345 });
    expect(evaluateSignificanceRule(accuracy, { seed: 12345 })).toEqual(first);
    if (!first.decided) return expect.fail(first.message);
    expect(first).toMatchObject({ method: "bootstrap", interval: "bca", seed: 12345, resamples: 9999, verdict: "pass", bound: -0.01 });
    const input = { metric: "accuracy", yTrue: data.yTrue, candidate: data.candidatePred, baseline: data.baselinePred } as const;
    const greater = expectOk(computePairedBootstrap(input, { seed: 12345, confidence: 0.95, alternative: "greater" }));
    const less = expectOk(computePairedBootstrap(input, { seed: 12345, confidence: 0.95, alternative: "less" }));
    expect(first.ci).toEqual([greater.low, less.high]);
    // Inside SciPy's two-sided 95% BCa interval [0.036, 0.093] of θ̂ = 0.065 (another random stream: ±0.005).
    expect(first.ci[0]).toBeGreaterThan(0.036 - 0.005);
    expect(first.ci[1]).toBeLessThan(0.093 + 0.005);
    expect(first.p_value).toBeLessThan(1e-6);
    expectRelative(first.p_value_no_difference!, oracle.paired_models.mcnemar.exact_binomtest_pvalue, 1e-9);
  });

  it("draws another interval when the seed changes", () => {
    const a = evaluateSignificanceRule(accuracy, { seed: 1, resamples: 999 });
    const b = evaluateSignificanceRule(accuracy, { seed: 2, resamples: 999 });
    if (!a.decided || !b.decided) return expect.fail("both seeds should decide");
    expect(a.ci).not.toEqual(b.ci);
  });

  it("uses the percentile interval when asked and converts a percent rule with the baseline's accuracy", () => {
    const rule = { direction: "higher", kind: "max-regression-pct", bound: 1 } as const;
    const check = evaluateSignificanceRule({ ...accuracy, rule }, { seed: 5, resamples: 999, interval: "percentile" });
    // 1% of the oracle's baseline accuracy 0.69.
    expect(check).toMatchObject({ method: "bootstrap", interval: "percentile", resamples: 999, verdict: "pass", bound: expect.closeTo(-0.0069, 12) });
  });

  it("reports no McNemar p when the metric is not accuracy", () => {
    const brier: SignificanceRuleInput = {
      metric: "brier", yTrue: data.yTrue, baseline: data.baselineScore, candidate: data.candidateScore,
      rule: { direction: "lower", kind: "max-regression", bound: 0.01 }, alpha: 0.05,
    };
    const check = evaluateSignificanceRule(brier, { seed: 9, resamples: 999 });
    expect(check.decided).toBe(true);
    expect(check).not.toHaveProperty("p_value_no_difference");
    const input = { metric: "brier", yTrue: data.yTrue, candidate: data.candidateScore, baseline: data.baselineScore } as const;
    const less = expectOk(computePairedBootstrap(input, { seed: 9, resamples: 999, alternative: "less" }));
    expect(check).toMatchObject({ ci: [expect.any(Number), less.high] });
  });

  it("throws StatsInputError when the prediction arrays differ in length", () => {
    expect(() => evaluateSignificanceRule({ ...accuracy, candidate: [1, 0] }, { seed: 1 })).toThrow(StatsInputError);
  });
});
