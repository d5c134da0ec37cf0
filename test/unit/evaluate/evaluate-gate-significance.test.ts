import { describe, expect, it } from "vitest";
import type { Predictions } from "../../../shared/src/data/predictions/predictions.js";
import type { MetricsFile } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { computePredictionMetrics } from "../../../shared/src/evaluate/compute-prediction-metrics.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import type { EvaluateCheck } from "../../../shared/src/evaluate/gate-result.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { edgeCases, expectRelative, oracle, readPairedPredictions, reference } from "../stats/support/fixtures.js";

// oracle data/paired_predictions.csv (n = 1000) and SciPy's DeLong values for it (fixtures/SOURCE.md).
const data = readPairedPredictions();
const delong = oracle.paired_models.delong_auc;
const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };

function predictions(name: string, pred: number[], score: number[]): Predictions {
  return {
    task: "classification",
    input: `${name}-predictions`,
    name: `${name}.csv`,
    sha256: name.padEnd(64, "0"),
    rows: pred.length,
    labels: Float64Array.from(data.yTrue),
    predictions: Float64Array.from(pred),
    scores: Float64Array.from(score),
    warnings: [],
  };
}
const metricsOf = (p: Predictions): MetricsFile => ({
  name: p.name,
  sha256: p.sha256,
  values: computePredictionMetrics(p).metrics,
});
const CANDIDATE = predictions("candidate", data.candidatePred, data.candidateScore);
const BASELINE = predictions("baseline", data.baselinePred, data.baselineScore);

function judge(policyText: string, candidate = CANDIDATE, baseline: Predictions | undefined = BASELINE) {
  const policy = parsePolicy(`version: 1\nmodel: churn\nevaluate:\n${policyText}`, "modelgate.yml");
  return evaluateGate({
    policy,
    policyProvenance: provenance,
    candidate: metricsOf(candidate),
    ...(baseline && { baseline: metricsOf(baseline) }),
    evaluation: baseline ? { candidate, baseline } : { candidate },
  });
}
const check = (checks: EvaluateCheck[], name: string) =>
  checks.find((c) => c.name === name) ?? expect.fail(`no check ${name}`);

describe("evaluateGate with significance", () => {
  it("decides one roc_auc rule by DeLong's one-sided limits, as SciPy computes them", () => {
    const result = judge("  metrics:\n    roc_auc: { direction: higher, min-improvement: 0, significance: 0.05 }\n");
    const auc = check(result.checks, "roc_auc:min-improvement");
    expect(auc).toMatchObject({ verdict: "pass", method: "delong", alpha: 0.05 });
    expectRelative(auc.ci![0], reference.delong_bounds.lower_one_sided_95, 1e-9);
    expectRelative(auc.ci![1], reference.delong_bounds.upper_one_sided_95, 1e-9);
    expectRelative(auc.p_value!, delong.pvalue_two_sided / 2, 1e-9);
    expectRelative(auc.p_value_no_difference!, delong.pvalue_two_sided, 1e-9);
    expect(auc.p_value_adjusted).toBeUndefined();
    expect(result.significance).toEqual({
      seed: 0,
      resamples: 9999,
      multiple_testing: "none",
      family_alpha: 0.05,
      checks: 1,
    });
  });

  it("holds two rules to Holm's levels: the smaller p is read at alpha/2, which is SciPy's two-sided 95% DeLong interval", () => {
    // Accuracy improves by 0.065; "at least 0.05" is not shown, so its p is far above DeLong's 0.00024.
    const result = judge(
      "  metrics:\n    roc_auc: { direction: higher, min-improvement: 0, significance: 0.05 }\n    accuracy: { direction: higher, min-improvement: 0.05, significance: 0.05 }\n",
    );
    const auc = check(result.checks, "roc_auc:min-improvement");
    const accuracy = check(result.checks, "accuracy:min-improvement");
    expect(auc).toMatchObject({ alpha: 0.025, verdict: "pass" });
    // Holm stops at the second p-value, which is held to the full family level.
    expect(accuracy).toMatchObject({
      alpha: 0.05,
      method: "bootstrap-bca",
      verdict: "fail",
      message: expect.stringMatching(/^Inconclusive/),
    });
    expectRelative(auc.ci![0], delong.ci95_diff[0], 1e-9);
    expectRelative(auc.ci![1], delong.ci95_diff[1], 1e-9);
    // Holm's adjusted p-values: 2·p for the smallest, max(that, 1·p) for the other.
    const [small, large] = [auc.p_value!, accuracy.p_value!].sort((a, b) => a - b) as [number, number];
    expect([auc.p_value_adjusted, accuracy.p_value_adjusted].sort()).toEqual(
      [Math.min(1, 2 * small), Math.max(Math.min(1, 2 * small), large)].sort(),
    );
    expect(accuracy.p_value_no_difference).toBeCloseTo(oracle.paired_models.mcnemar.exact_binomtest_pvalue, 12);
    expect(result.significance).toMatchObject({ multiple_testing: "holm", checks: 2, family_alpha: 0.05 });
  });

  it("fails a regression the interval shows, and turns an inconclusive one into on-inconclusive", () => {
    // The baseline as candidate: AUC drops by 0.0447, and the upper one-sided limit −0.0237 is below −0.01.
    const swapped = judge(
      "  metrics:\n    roc_auc: { direction: higher, max-regression: 0.01, significance: 0.05 }\n",
      BASELINE,
      CANDIDATE,
    );
    expect(check(swapped.checks, "roc_auc:max-regression")).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(/^Ruled out/),
    });
    // An improvement of at least 0.03 lies inside [0.0237, 0.0658]: neither shown nor ruled out.
    const strict = "  metrics:\n    roc_auc: { direction: higher, min-improvement: 0.03, significance: 0.05 }\n";
    expect(check(judge(strict).checks, "roc_auc:min-improvement")).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(/^Inconclusive.*on-inconclusive: fail\.$/),
    });
    const lenient = "  on-inconclusive: warn\n" + strict;
    expect(judge(lenient).verdict).toBe("warn");
  });

  it("warns on warn-regression with significance only when the regression beyond its bound is significant", () => {
    // The baseline as candidate: AUC drops by 0.0447; DeLong's one-sided 95% limits are [−0.0658, −0.0237].
    const warnAt = (bound: number, significance = ", significance: 0.05") =>
      check(
        judge(
          `  metrics:\n    roc_auc: { direction: higher, warn-regression: ${bound}${significance} }\n`,
          BASELINE,
          CANDIDATE,
        ).checks,
        "roc_auc:warn-regression",
      );
    expect(warnAt(0.01)).toMatchObject({
      verdict: "warn",
      method: "delong",
      message: expect.stringMatching(/^Ruled out.*A warning: the regression is significant\.$/),
    });
    expectRelative(warnAt(0.01).ci![1], -reference.delong_bounds.lower_one_sided_95, 1e-9);
    // −0.03 lies inside the interval: not significant, so no warning, where the plain rule warns on the point change.
    expect(warnAt(0.03)).toMatchObject({
      verdict: "pass",
      message: expect.stringMatching(/^Inconclusive.*No warning: warn-regression warns only on a regression shown/),
    });
    expect(warnAt(0.03, "")).toMatchObject({ verdict: "warn" });
    expect(warnAt(0.1)).toMatchObject({ verdict: "pass", message: expect.stringMatching(/^Shown/) });
  });

  it("fails, saying why, when the baseline has metrics but no predictions to pair with", () => {
    const policy = parsePolicy(
      "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.01, significance: 0.05 }\n",
      "modelgate.yml",
    );
    const result = evaluateGate({
      policy,
      policyProvenance: provenance,
      candidate: metricsOf(CANDIDATE),
      baseline: metricsOf(BASELINE),
      evaluation: { candidate: CANDIDATE },
    });
    expect(check(result.checks, "accuracy:max-regression")).toMatchObject({
      verdict: "fail",
      message: expect.stringContaining("needs baseline-predictions"),
    });
  });

  it("refuses significance on a metric without a paired test, a method that does not fit, and mixed levels under Holm", () => {
    expect(() =>
      judge("  metrics:\n    f1: { direction: higher, max-regression: 0.01, significance: 0.05 }\n"),
    ).toThrow(PolicyError);
    expect(() =>
      judge(
        "  metrics:\n    accuracy: { direction: higher, max-regression: 0.01, significance: 0.05, method: delong }\n",
      ),
    ).toThrow(/accuracy is tested with the paired bootstrap/);
    const mixed =
      "  metrics:\n    roc_auc: { direction: higher, min-improvement: 0, significance: 0.05 }\n    accuracy: { direction: higher, max-regression: 0.01, significance: 0.01 }\n";
    expect(() => judge(mixed)).toThrow(/different levels/);
    expect(
      judge("  multiple-testing: none\n" + mixed)
        .checks.map((c) => c.alpha)
        .sort(),
    ).toEqual([0.01, 0.05]);
  });

  it("gives byte-identical checks for the same seed and different bootstrap draws for another", () => {
    const policy = (seed: number) =>
      `  bootstrap: { seed: ${seed}, resamples: 999 }\n  metrics:\n    brier: { direction: lower, max-regression: 0.001, significance: 0.05 }\n`;
    const first = check(judge(policy(7)).checks, "brier:max-regression");
    expect(check(judge(policy(7)).checks, "brier:max-regression")).toEqual(first);
    expect(check(judge(policy(8)).checks, "brier:max-regression").ci).not.toEqual(first.ci);
  });
});

describe("evaluateGate with significance on an unchanged model", () => {
  const unchanged = predictions("unchanged", data.baselinePred, data.baselineScore);
  const cases = edgeCases.no_variance;

  it("passes max-regression on accuracy and AUC by the exact bound, Holm-adjusted, saying which method decided", () => {
    const result = judge(
      "  metrics:\n    accuracy: { direction: higher, max-regression: 0.01, significance: 0.05 }\n    roc_auc: { direction: higher, max-regression: 0.01, significance: 0.05 }\n",
      unchanged,
    );
    const accuracy = check(result.checks, "accuracy:max-regression");
    const auc = check(result.checks, "roc_auc:max-regression");
    expect(accuracy).toMatchObject({
      verdict: "pass",
      method: "exact-bound",
      message: expect.stringMatching(/^No variance: .*Decided by the exact bound instead/),
    });
    expect(auc).toMatchObject({ verdict: "pass", method: "exact-bound" });
    // Holm: the smaller p (accuracy's 0.99^1000) is read at 0.025, the other at 0.05.
    expectRelative(accuracy.p_value!, cases.accuracy_identical["max_regression_0.01"].p_value, 1e-10);
    expectRelative(auc.p_value!, cases.auc_alike["max_regression_0.01"].p_value, 1e-10);
    expect(accuracy.alpha).toBe(0.025);
    expect(auc.alpha).toBe(0.05);
    expectRelative(auc.ci![0], cases.auc_alike.low, 1e-12);
    expect(result.verdict).toBe("pass");
  });

  it("lets on-inconclusive decide a rule the bound cannot show (log-loss within ±0.108)", () => {
    const rule = "  metrics:\n    log_loss: { direction: lower, max-regression: 0.01, significance: 0.05 }\n";
    expect(check(judge(rule, unchanged).checks, "log_loss:max-regression")).toMatchObject({
      verdict: "fail",
      method: "exact-bound",
      message: expect.stringMatching(/Inconclusive.*on-inconclusive: fail\.$/),
    });
    const lenient = judge("  on-inconclusive: warn\n" + rule, unchanged);
    expect(check(lenient.checks, "log_loss:max-regression")).toMatchObject({ verdict: "warn", method: "exact-bound" });
    expectRelative(check(lenient.checks, "log_loss:max-regression").ci![1], cases.log_loss_identical.high, 1e-12);
    expect(lenient.verdict).toBe("warn");
  });

  it("decides a roc_auc rule from a constant model to a perfect one by the exact bound, not 'cannot decide'", () => {
    const constant = predictions(
      "constant",
      data.yTrue.map(() => 0),
      data.yTrue.map(() => 0.5),
    );
    const perfect = predictions(
      "perfect",
      data.yTrue,
      data.yTrue.map((y) => (y === 1 ? 0.9 : 0.1)),
    );
    const result = judge(
      "  on-inconclusive: warn\n  metrics:\n    roc_auc: { direction: higher, min-improvement: 0, significance: 0.05 }\n",
      perfect,
      constant,
    );
    const auc = check(result.checks, "roc_auc:min-improvement");
    expect(auc).toMatchObject({
      verdict: "pass",
      method: "exact-bound",
      message: expect.stringMatching(/^No variance: each model scores all 433 × 567 positive–negative pairs one way/),
    });
    // SciPy 1.10: 0.5 ∓ (1.5, 0.5)·beta.ppf(0.95, 1, 433), the 433 disjoint pairs all changing by 0.5.
    expectRelative(auc.ci![0], 0.48965799167710655, 1e-12);
    expectRelative(auc.ci![1], 0.5034473361076311, 1e-12);
    // The same models the other way round: every pair changes by −0.5, a regression the bound shows.
    const reverse = judge(
      "  metrics:\n    roc_auc: { direction: higher, max-regression: 0.01, significance: 0.05 }\n",
      constant,
      perfect,
    );
    expect(check(reverse.checks, "roc_auc:max-regression")).toMatchObject({ verdict: "fail", method: "exact-bound" });
  });

  it("leaves an unchanged regressor's mae inconclusive without an interval, since absolute errors have no upper bound", () => {
    const regression = (name: string): Predictions => ({
      ...predictions(name, data.candidateScore, data.candidateScore),
      task: "regression",
      labels: Float64Array.from(data.baselineScore),
      scores: undefined,
    });
    const policy = parsePolicy(
      "version: 1\nevaluate:\n  on-inconclusive: warn\n  metrics:\n    mae: { direction: lower, max-regression: 0.01, significance: 0.05 }\n",
      "modelgate.yml",
    );
    const [candidate, baseline] = [regression("candidate"), regression("baseline")];
    const result = evaluateGate({
      policy,
      policyProvenance: provenance,
      candidate: metricsOf(candidate),
      baseline: metricsOf(baseline),
      evaluation: { candidate, baseline },
    });
    const mae = check(result.checks, "mae:max-regression");
    expect(mae).toMatchObject({ verdict: "warn", method: "exact-bound", p_value: 1 });
    expect(mae.ci).toBeUndefined();
    expect(mae.message).toContain("has no upper bound");
  });
});
