import { describe, expect, it } from "vitest";
import { computeDelong, toDelongInterval } from "../../../shared/src/stats/delong.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectOk, expectRelative, oracle, readPairedPredictions, reference } from "./support/fixtures.js";

const data = readPairedPredictions();
const expected = oracle.paired_models.delong_auc;
const round1 = (values: number[]) => values.map((x) => Math.round(x * 10) / 10);

describe("computeDelong", () => {
  it("matches every value of the oracle's pairwise-kernel DeLong test to 1e-9 relative", () => {
    const result = expectOk(computeDelong(data.yTrue, data.baselineScore, data.candidateScore));
    expect(result.positives).toBe(expected.n_pos);
    expect(result.negatives).toBe(expected.n_neg);
    expectRelative(result.aucBaseline, expected.auc_baseline, 1e-9);
    expectRelative(result.aucCandidate, expected.auc_candidate, 1e-9);
    expectRelative(result.varianceBaseline, expected.var_auc_baseline, 1e-9);
    expectRelative(result.varianceCandidate, expected.var_auc_candidate, 1e-9);
    expectRelative(result.covariance, expected.cov, 1e-9);
    expectRelative(result.difference, expected.auc_diff_candidate_minus_baseline, 1e-9);
    expectRelative(result.varianceDifference, expected.var_diff, 1e-9);
    expectRelative(result.z, expected.z, 1e-9);
    expectRelative(result.pValue, expected.pvalue_two_sided, 1e-9);
    expectRelative(result.low, expected.ci95_diff[0], 1e-9);
    expectRelative(result.high, expected.ci95_diff[1], 1e-9);
  });

  it("matches the pairwise kernel with ties counting ½ when scores are rounded to one decimal", () => {
    const tied = reference.classification.rounded_scores.delong;
    const result = expectOk(computeDelong(data.yTrue, round1(data.baselineScore), round1(data.candidateScore)));
    expectRelative(result.aucBaseline, tied.auc_baseline, 1e-12);
    expectRelative(result.aucCandidate, tied.auc_candidate, 1e-12);
    expectRelative(result.varianceBaseline, tied.var_auc_baseline, 1e-9);
    expectRelative(result.varianceCandidate, tied.var_auc_candidate, 1e-9);
    expectRelative(result.covariance, tied.cov, 1e-9);
    expectRelative(result.z, tied.z, 1e-9);
    expectRelative(result.pValue, tied.pvalue_two_sided, 1e-9);
  });

  it("gives one-sided bounds Δ ∓ ndtri(0.95)·se for alternative less and greater", () => {
    const bounds = reference.delong_bounds;
    const compare = (alternative: "less" | "greater") =>
      expectOk(computeDelong(data.yTrue, data.baselineScore, data.candidateScore, { alternative }));
    const less = compare("less");
    expect(less.low).toBe(-Infinity);
    expectRelative(less.high, bounds.upper_one_sided_95, 1e-9);
    const greater = compare("greater");
    expectRelative(greater.low, bounds.lower_one_sided_95, 1e-9);
    expect(greater.high).toBe(Infinity);
  });

  it("is cannot-compute when both models rank every pair alike", () => {
    const result = computeDelong(
      data.yTrue,
      data.baselineScore,
      data.baselineScore.map((x) => 2 * x + 1),
    );
    expect(result.ok).toBe(false);
  });

  it("is cannot-compute with fewer than two examples of a class", () => {
    const result = computeDelong([1, 0, 0, 0], [0.9, 0.1, 0.2, 0.3], [0.8, 0.3, 0.1, 0.2]);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("two positive") });
  });

  it("throws StatsInputError for non-binary labels, NaN scores, mismatched lengths or a bad confidence", () => {
    expect(() => computeDelong([1, 2], [0.1, 0.2], [0.1, 0.2])).toThrow(StatsInputError);
    expect(() => computeDelong([1, 0], [Number.NaN, 0.2], [0.1, 0.2])).toThrow(StatsInputError);
    expect(() => computeDelong([1, 0], [0.1], [0.1, 0.2])).toThrow(StatsInputError);
    expect(() => computeDelong(data.yTrue, data.baselineScore, data.candidateScore, { confidence: 95 })).toThrow(
      StatsInputError,
    );
  });
});

describe("toDelongInterval", () => {
  it("recomputes the interval at 90% from the oracle's difference and variance", () => {
    const limits = toDelongInterval(
      { difference: expected.auc_diff_candidate_minus_baseline, varianceDifference: expected.var_diff },
      { confidence: 0.9 },
    );
    expectRelative(limits.low, reference.delong_bounds.two_sided_90[0], 1e-12);
    expectRelative(limits.high, reference.delong_bounds.two_sided_90[1], 1e-12);
  });
});
