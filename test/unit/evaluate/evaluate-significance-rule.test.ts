import { describe, expect, it } from "vitest";
import {
  evaluateSignificanceRule,
  type SignificanceRuleInput,
} from "../../../shared/src/evaluate/evaluate-significance-rule.js";
import { computePairedBootstrap } from "../../../shared/src/stats/paired-bootstrap.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import {
  edgeCases,
  fewChangesReference,
  expectOk,
  expectRelative,
  oracle,
  readPairedPredictions,
  reference,
} from "../stats/support/fixtures.js";

const data = readPairedPredictions();
const delong = oracle.paired_models.delong_auc;
const auc = (
  bound: number,
  kind: "min-improvement" | "max-regression-pct" = "min-improvement",
): SignificanceRuleInput => ({
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

  it("decides on the exact bound, not DeLong, when both models rank every pair alike (2·score + 1)", () => {
    const want = edgeCases.no_variance.auc_alike; // u = beta.ppf(0.95, 1, min(433, 567))
    const same = {
      ...auc(0),
      rule: { direction: "higher", kind: "max-regression", bound: 0.01 } as const,
      candidate: data.baselineScore.map((x) => 2 * x + 1),
    };
    const check = evaluateSignificanceRule(same, { seed: 1 });
    if (!check.decided) return expect.fail(check.message);
    expect(check).toMatchObject({ method: "exact-bound", replaces: "delong", verdict: "pass", bound: -0.01 });
    expectRelative(check.ci[0], want.low, 1e-12);
    expectRelative(check.ci[1], want.high, 1e-12);
    expectRelative(check.p_value, want["max_regression_0.01"].p_value, 1e-10);
    expect(check).not.toHaveProperty("p_value_no_difference");
    expect(check.message).toMatch(
      /^No variance: both models order all 433 × 567 positive–negative pairs alike .*Decided by the exact bound instead: 433 disjoint positive–negative pairs all alike/,
    );
    // "An improvement of at least 0" cannot be shown from an unchanged ranking: the change may be slightly negative.
    expect(
      evaluateSignificanceRule(
        { ...same, rule: { direction: "higher", kind: "min-improvement", bound: 0 } },
        { seed: 1 },
      ).verdict,
    ).toBe("inconclusive");
  });
});

describe("evaluateSignificanceRule with the paired bootstrap", () => {
  it("gives the same check for the same seed and computePairedBootstrap's one-sided BCa limits", () => {
    const first = evaluateSignificanceRule(accuracy, { seed: 12345 });
    expect(evaluateSignificanceRule(accuracy, { seed: 12345 })).toEqual(first);
    if (!first.decided) return expect.fail(first.message);
    expect(first).toMatchObject({
      method: "bootstrap",
      interval: "bca",
      seed: 12345,
      resamples: 9999,
      verdict: "pass",
      bound: -0.01,
    });
    const input = {
      metric: "accuracy",
      yTrue: data.yTrue,
      candidate: data.candidatePred,
      baseline: data.baselinePred,
    } as const;
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
    expect(check).toMatchObject({
      method: "bootstrap",
      interval: "percentile",
      resamples: 999,
      verdict: "pass",
      bound: expect.closeTo(-0.0069, 12),
    });
  });

  it("reports no McNemar p when the metric is not accuracy", () => {
    const brier: SignificanceRuleInput = {
      metric: "brier",
      yTrue: data.yTrue,
      baseline: data.baselineScore,
      candidate: data.candidateScore,
      rule: { direction: "lower", kind: "max-regression", bound: 0.01 },
      alpha: 0.05,
    };
    const check = evaluateSignificanceRule(brier, { seed: 9, resamples: 999 });
    expect(check.decided).toBe(true);
    expect(check).not.toHaveProperty("p_value_no_difference");
    const input = {
      metric: "brier",
      yTrue: data.yTrue,
      candidate: data.candidateScore,
      baseline: data.baselineScore,
    } as const;
    const less = expectOk(computePairedBootstrap(input, { seed: 9, resamples: 999, alternative: "less" }));
    expect(check).toMatchObject({ ci: [expect.any(Number), less.high] });
  });

  it("throws StatsInputError when the prediction arrays differ in length", () => {
    expect(() => evaluateSignificanceRule({ ...accuracy, candidate: [1, 0] }, { seed: 1 })).toThrow(StatsInputError);
  });
});

describe("evaluateSignificanceRule on a change with no variance", () => {
  const cases = edgeCases.no_variance;
  const unchanged = (rule: SignificanceRuleInput["rule"]): SignificanceRuleInput => ({
    ...accuracy,
    candidate: data.baselinePred,
    rule,
  });

  it("passes an unchanged classifier under max-regression 0.01: 0 discordant of 1000 bound the change to ±0.00299", () => {
    const check = evaluateSignificanceRule(unchanged({ direction: "higher", kind: "max-regression", bound: 0.01 }), {
      seed: 1,
    });
    if (!check.decided) return expect.fail(check.message);
    expect(check).toMatchObject({ method: "exact-bound", replaces: "bootstrap", verdict: "pass", bound: -0.01 });
    expectRelative(check.ci[0], cases.accuracy_identical.low, 1e-12);
    expectRelative(check.ci[1], cases.accuracy_identical.high, 1e-12);
    expectRelative(check.p_value, cases.accuracy_identical["max_regression_0.01"].p_value, 1e-10);
    expect(check.p_value_no_difference).toBe(cases.accuracy_identical.mcnemar_exact_pvalue);
    expect(check.message).toBe(
      "No variance: the per-example change candidate − baseline is the same (0) on all 1000 examples, so the bootstrap has no variance to resample. " +
        "Decided by the exact bound instead: 1000 examples all alike, so at most 0.2991% of them differ at 95% one-sided confidence " +
        "(Clopper–Pearson, 1 − α^(1/n) with 0 of 1000 differing), so the change lies within [-0.002991, +0.002991]. " +
        "Shown at 95% one-sided confidence: the change's lower limit -0.002991 ≥ -0.01, so a regression of at most 0.01 holds.",
    );
  });

  it("fails min-improvement 0.005 for an unchanged classifier: the upper limit 0.00299 rules it out", () => {
    const check = evaluateSignificanceRule(unchanged({ direction: "higher", kind: "min-improvement", bound: 0.005 }), {
      seed: 1,
    });
    expect(check).toMatchObject({
      method: "exact-bound",
      verdict: "fail",
      p_value: cases.accuracy_identical["min_improvement_0.005"].p_value,
    });
  });

  it("decides a constant Brier change of −0.03 on its range [−1, 1]: inconclusive at n = 200, shown at n = 1000", () => {
    for (const [want, verdict] of [
      [cases.brier_constant_200, "inconclusive"],
      [cases.brier_constant_1000, "pass"],
    ] as const) {
      const y = Array.from({ length: want.n }, (_, i) => 1 - (i % 2));
      const input: SignificanceRuleInput = {
        metric: "brier",
        yTrue: y,
        baseline: y.map((v) => (v === 1 ? 0.8 : 0.2)),
        candidate: y.map((v) => (v === 1 ? 0.9 : 0.1)),
        rule: { direction: "lower", kind: "min-improvement", bound: 0.02 },
        alpha: 0.05,
      };
      const check = evaluateSignificanceRule(input, { seed: 3 });
      if (!check.decided) return expect.fail(check.message);
      expect(check).toMatchObject({ method: "exact-bound", verdict, bound: -0.02 });
      expectRelative(check.ci[0], want.low, 1e-12);
      expectRelative(check.ci[1], want.high, 1e-12);
      expectRelative(check.p_value, want["min_improvement_0.02"].p_value, 1e-9);
    }
  });

  it("leaves an unchanged probabilistic model's log-loss inconclusive: sklearn's clipped range ±36.04 gives ±0.108", () => {
    const want = cases.log_loss_identical;
    const input: SignificanceRuleInput = {
      metric: "log-loss",
      yTrue: data.yTrue,
      baseline: data.candidateScore,
      candidate: data.candidateScore,
      rule: { direction: "lower", kind: "max-regression", bound: 0.01 },
      alpha: 0.05,
    };
    const check = evaluateSignificanceRule(input, { seed: 1 });
    if (!check.decided) return expect.fail(check.message);
    expect(check).toMatchObject({ method: "exact-bound", verdict: "inconclusive" });
    expectRelative(check.ci[1], want.high, 1e-12);
    expectRelative(check.p_value, want["max_regression_0.01"].p_value, 1e-10);
  });

  it("leaves an unchanged regressor's absolute error inconclusive with infinite limits: errors have no upper bound", () => {
    const input: SignificanceRuleInput = {
      metric: "absolute-error",
      yTrue: data.baselineScore,
      baseline: data.candidateScore,
      candidate: data.candidateScore,
      rule: { direction: "lower", kind: "max-regression", bound: 0.01 },
      alpha: 0.05,
    };
    const check = evaluateSignificanceRule(input, { seed: 1 });
    if (!check.decided) return expect.fail(check.message);
    expect(check).toMatchObject({
      method: "exact-bound",
      verdict: "inconclusive",
      ci: [-Infinity, Infinity],
      p_value: 1,
    });
    expect(check.message).toContain(
      "but a per-example absolute-error has no upper bound, so that share does not bound the mean change: [-Infinity, +Infinity].",
    );
  });

  describe("of ROC AUC when each model scores every positive–negative pair one way", () => {
    // 250 positives and 250 negatives; a model at 0.5 everywhere ties every pair (AUC 0.5), one at 0.9 / 0.1 orders
    // each pair right (AUC 1), and its mirror each pair wrong (AUC 0). DeLong's variance of the change is 0.
    const labels = Array.from({ length: 500 }, (_, i) => 1 - (i % 2));
    const tied = labels.map(() => 0.5);
    const apart = labels.map((y) => (y === 1 ? 0.9 : 0.1));
    const reversed = labels.map((y) => (y === 1 ? 0.1 : 0.9));
    const aucRule = (
      baseline: number[],
      candidate: number[],
      rule: SignificanceRuleInput["rule"],
      n = 500,
    ): SignificanceRuleInput => ({
      metric: "roc_auc",
      yTrue: labels.slice(0, n),
      baseline: baseline.slice(0, n),
      candidate: candidate.slice(0, n),
      rule,
      alpha: 0.05,
    });

    it("shows an improvement from a constant model to a perfect one: every pair changes by 0.5", () => {
      const check = evaluateSignificanceRule(
        aucRule(tied, apart, { direction: "higher", kind: "min-improvement", bound: 0 }),
        { seed: 1 },
      );
      if (!check.decided) return expect.fail(check.message);
      expect(check).toMatchObject({ method: "exact-bound", replaces: "delong", verdict: "pass", bound: 0 });
      // SciPy 1.10: u = beta.ppf(0.95, 1, 250); limits 0.5 − 1.5·u and 0.5 + 0.5·u; p = binom.pmf(0, 250, 1/3).
      expectRelative(check.ci[0], 0.48213287042752906, 1e-12);
      expectRelative(check.ci[1], 0.5059557098574903, 1e-12);
      expectRelative(check.p_value, 9.488230707658015e-45, 1e-9);
      expect(check.message).toMatch(
        /^No variance: each model scores all 250 × 250 positive–negative pairs one way \(the baseline ties them all, the candidate puts each positive above each negative\), so every pair changes by 0\.5 .*Decided by the exact bound instead: 250 disjoint positive–negative pairs/,
      );
    });

    it("rules out max-regression 0.01 for a perfect model replaced by its mirror: every pair changes by −1", () => {
      const check = evaluateSignificanceRule(
        aucRule(apart, reversed, { direction: "higher", kind: "max-regression", bound: 0.01 }),
        { seed: 1 },
      );
      if (!check.decided) return expect.fail(check.message);
      expect(check).toMatchObject({ method: "exact-bound", verdict: "fail", bound: -0.01, p_value: 1 });
      // SciPy 1.10: −1 + 2·beta.ppf(0.95, 1, 250); the lower limit is the range's end.
      expect(check.ci[0]).toBe(-1);
      expectRelative(check.ci[1], -0.9761771605700388, 1e-12);
    });

    it("leaves a change of −0.5 on 5 disjoint pairs inconclusive under max-regression 0.6", () => {
      // u = 1 − 0.05^(1/5) = 0.4507: the limits −0.5 − 0.5·u and −0.5 + 1.5·u straddle −0.6.
      const check = evaluateSignificanceRule(
        aucRule(apart, tied, { direction: "higher", kind: "max-regression", bound: 0.6 }, 10),
        { seed: 1 },
      );
      expect(check).toMatchObject({ method: "exact-bound", verdict: "inconclusive" });
    });
  });

  it("uses the exact bound for the percentile interval too, which would otherwise claim the single point", () => {
    const check = evaluateSignificanceRule(unchanged({ direction: "higher", kind: "max-regression", bound: 0.001 }), {
      seed: 1,
      interval: "percentile",
    });
    // u = 0.00299 > 0.001: not shown, not ruled out.
    expect(check).toMatchObject({ method: "exact-bound", verdict: "inconclusive" });
  });
});

describe("evaluateSignificanceRule with few changed examples", () => {
  const few = fewChangesReference;
  /** 1,000 examples all right for both models, but `worse` the candidate gets wrong and `better` the baseline does. */
  function discordant(worse: number, better: number, rule: SignificanceRuleInput["rule"]): SignificanceRuleInput {
    const yTrue = new Float64Array(1000).fill(1);
    const baseline = new Float64Array(1000).fill(1);
    const candidate = new Float64Array(1000).fill(1);
    candidate.fill(0, 0, worse);
    baseline.fill(0, worse, worse + better);
    return { metric: "accuracy", yTrue, baseline, candidate, rule, alpha: 0.05 };
  }
  const noRegression = { direction: "higher", kind: "max-regression", bound: 0 } as const;

  it("does not show an improvement from 1 or 2 improved examples, which McNemar's exact p of 1 or ½ cannot", () => {
    // The bootstrap of one +1 among 999 zeros has no resample below 0, so it "showed" delta ≥ 0 with p ≈ 1e-15.
    for (const [better, mcnemar] of [
      [1, few.mcnemar[1]],
      [2, few.mcnemar[3]],
    ] as const) {
      const check = evaluateSignificanceRule(discordant(0, better, noRegression), { seed: 1, resamples: 999 });
      expect(check).toMatchObject({ method: "exact-bound", replaces: "bootstrap", verdict: "inconclusive" });
      if (!check.decided) expect.fail(check.message);
      const want = few.exact_bound_accuracy[better - 1];
      expectRelative(check.ci[0], want.low, 1e-10);
      expectRelative(check.ci[1], want.high, 1e-10);
      expect(check.p_value).toBe(1);
      expectRelative(check.p_value_no_difference as number, mcnemar.p_value, 1e-12);
      expect(check.message).toContain(`Too few changes: only ${better} of 1000 examples change`);
    }
  });

  it("does not rule out a regression from 3 or 4 worse examples, where the BCa interval wrongly excluded 0", () => {
    for (const worse of [3, 4]) {
      const check = evaluateSignificanceRule(discordant(worse, 0, noRegression), { seed: 1, resamples: 999 });
      expect(check).toMatchObject({ method: "exact-bound", verdict: "inconclusive" });
    }
  });

  it("passes a generous max-regression on 2 changed examples with p = binom.cdf(2, 1000, 0.01)", () => {
    const rule = { direction: "higher", kind: "max-regression", bound: 0.01 } as const;
    const check = evaluateSignificanceRule(discordant(2, 0, rule), { seed: 1, resamples: 999 });
    expect(check).toMatchObject({ method: "exact-bound", verdict: "pass" });
    if (!check.decided) expect.fail(check.message);
    expectRelative(check.p_value, few.exact_bound_accuracy[1].p_value_by_bound["0.01"], 1e-10);
  });

  it("resamples again from 5 changed examples at 0.05, where an exact test can show a direction (½⁵ ≤ 0.05)", () => {
    const check = evaluateSignificanceRule(discordant(5, 0, noRegression), { seed: 1, resamples: 999 });
    expect(check).toMatchObject({ method: "bootstrap", verdict: "fail" });
    expectRelative(0.5 ** 5, few.sign_test.all_one_way[4].p_all_one_way, 1e-15);
  });

  it("asks for more changed examples at a stricter level: 6 are too few at 0.01", () => {
    const check = evaluateSignificanceRule(
      { ...discordant(6, 0, noRegression), alpha: 0.01 },
      { seed: 1, resamples: 999 },
    );
    expect(check).toMatchObject({ method: "exact-bound", verdict: "inconclusive" });
    expect(few.sign_test.fewest_for_direction["0.01"]).toBe(7);
  });
});
