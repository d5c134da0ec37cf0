import { describe, expect, it } from "vitest";
import { computePairedBootstrap, type PairedBootstrapInput } from "../../../shared/src/stats/paired-bootstrap.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectOk, expectRelative, oracle, readPairedPredictions, reference } from "./support/fixtures.js";

const data = readPairedPredictions();
const accuracy: PairedBootstrapInput = {
  metric: "accuracy",
  yTrue: data.yTrue,
  candidate: data.candidatePred,
  baseline: data.baselinePred,
};
const scores = (metric: "brier" | "log-loss"): PairedBootstrapInput => ({
  metric,
  yTrue: data.yTrue,
  candidate: data.candidateScore,
  baseline: data.baselineScore,
});
const scipyAccuracy = oracle.paired_models.bootstrap_accuracy_difference;

describe("computePairedBootstrap", () => {
  // SciPy's intervals come from NumPy's default_rng(12345) stream, which we do not reproduce: only the
  // distribution is the same, so intervals agree up to Monte Carlo error (about 0.001 here).
  it("gives the oracle's accuracy-difference θ̂ exactly and its BCa interval within ±0.005", () => {
    const result = expectOk(computePairedBootstrap(accuracy, { seed: 12345 }));
    expect(result.method).toBe("bca");
    expect(result.resamples).toBe(9999);
    expect(result.estimate).toBe(scipyAccuracy.theta_hat);
    expect(Math.abs(result.low - scipyAccuracy.BCa.low)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(result.high - scipyAccuracy.BCa.high)).toBeLessThanOrEqual(0.005);
    // SciPy's standard_error 0.0146; the bootstrap SE itself varies by about 1% between streams.
    expectRelative(result.standardError, scipyAccuracy.BCa.standard_error, 0.05);
  });

  it("gives the oracle's accuracy-difference percentile interval within ±0.005", () => {
    const result = expectOk(computePairedBootstrap(accuracy, { seed: 12345, method: "percentile" }));
    expect(Math.abs(result.low - scipyAccuracy.percentile.low)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(result.high - scipyAccuracy.percentile.high)).toBeLessThanOrEqual(0.005);
  });

  it.each([
    ["brier", "brier_difference"],
    ["log-loss", "log_loss_difference"],
  ] as const)("gives SciPy's %s-difference θ̂ to 1e-12 and its intervals within ±0.002", (metric, key) => {
    const expected = reference.bootstrap.full_1000_rows[key];
    const bca = expectOk(computePairedBootstrap(scores(metric), { seed: 12345 }));
    expectRelative(bca.estimate, expected.theta_hat, 1e-12);
    const percentile = computePairedBootstrap(scores(metric), { seed: 7, method: "percentile" });
    for (const [method, result] of [
      ["BCa", bca],
      ["percentile", percentile],
    ] as const) {
      const interval = expectOk(result);
      expect(Math.abs(interval.low - expected[method].low), method).toBeLessThanOrEqual(0.002);
      expect(Math.abs(interval.high - expected[method].high), method).toBeLessThanOrEqual(0.002);
    }
  });

  it("opens the lower side for 'less' and the upper for 'greater', like SciPy's alternative", () => {
    const less = expectOk(computePairedBootstrap(accuracy, { seed: 3, alternative: "less" }));
    const greater = expectOk(computePairedBootstrap(accuracy, { seed: 3, alternative: "greater" }));
    const twoSided90 = expectOk(computePairedBootstrap(accuracy, { seed: 3, confidence: 0.9 }));
    expect(less.low).toBe(-Infinity);
    expect(greater.high).toBe(Infinity);
    // A one-sided 95% limit is the matching limit of the two-sided 90% interval on the same distribution.
    expectRelative(less.high, twoSided90.high, 1e-12);
    expectRelative(greater.low, twoSided90.low, 1e-12);
  });

  it("gives the same interval for the same seed and a different one for another seed", () => {
    const brier = scores("brier");
    const first = expectOk(computePairedBootstrap(brier, { seed: 99, resamples: 999 }));
    expect(expectOk(computePairedBootstrap(brier, { seed: 99, resamples: 999 }))).toEqual(first);
    expect(expectOk(computePairedBootstrap(brier, { seed: 100, resamples: 999 })).low).not.toBe(first.low);
  });

  it("is cannot-compute for BCa when both models are right and wrong on the same examples", () => {
    const same = { ...accuracy, candidate: data.baselinePred };
    expect(computePairedBootstrap(same, { seed: 1 }).ok).toBe(false);
    const percentile = expectOk(computePairedBootstrap(same, { seed: 1, method: "percentile" }));
    expect([percentile.low, percentile.high]).toEqual([0, 0]);
  });

  it("throws StatsInputError for unusable input or options", () => {
    const bad: [PairedBootstrapInput, number?][] = [
      [{ ...accuracy, baseline: data.baselinePred.slice(1) }],
      [{ ...scores("brier"), yTrue: data.yTrue.map((y) => y + 1) }],
      [{ ...scores("log-loss"), candidate: data.candidateScore.map((p) => p * 2) }],
      [{ metric: "absolute-error", yTrue: [1, Number.NaN], candidate: [1, 2], baseline: [1, 2] }],
      [{ metric: "accuracy", yTrue: [], candidate: [], baseline: [] }],
      [accuracy, 0],
    ];
    for (const [input, resamples] of bad) {
      expect(() => computePairedBootstrap(input, { seed: 1, resamples })).toThrow(StatsInputError);
    }
    expect(() => computePairedBootstrap(accuracy, { seed: 0.5 })).toThrow(StatsInputError);
    expect(() => computePairedBootstrap(accuracy, { seed: 1, confidence: 0 })).toThrow(StatsInputError);
  });
});
