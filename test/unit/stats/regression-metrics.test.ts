import { describe, expect, it } from "vitest";
import { computeMeanAbsoluteError } from "../../../shared/src/stats/mean-absolute-error.js";
import { computeMeanSquaredError } from "../../../shared/src/stats/mean-squared-error.js";
import { computeR2Score } from "../../../shared/src/stats/r2-score.js";
import { computeRootMeanSquaredError } from "../../../shared/src/stats/root-mean-squared-error.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectOk, expectRelative, readPairedPredictions, reference } from "./support/fixtures.js";

const data = readPairedPredictions();
const cases = [
  ["labels_vs_candidate_score", data.yTrue, data.candidateScore],
  ["baseline_score_vs_candidate_score", data.baselineScore, data.candidateScore],
] as const;

describe.each(cases)("sklearn regression metrics, %s", (key, truth, predicted) => {
  const expected = reference.regression[key];

  it("MAE, MSE and RMSE match mean_absolute_error and mean_squared_error(squared=True/False) to 1e-12", () => {
    expectRelative(computeMeanAbsoluteError(truth, predicted), expected.mae, 1e-12);
    expectRelative(computeMeanSquaredError(truth, predicted), expected.mse, 1e-12);
    expectRelative(computeRootMeanSquaredError(truth, predicted), expected.rmse, 1e-12);
  });

  it("computeR2Score matches r2_score to 1e-12", () => {
    expectRelative(expectOk(computeR2Score(truth, predicted)).value, expected.r2, 1e-12);
  });
});

describe("regression metrics on edge cases", () => {
  it("R² is cannot-compute for a constant truth (sklearn's force_finite reports 0 or 1)", () => {
    expect(computeR2Score([2, 2, 2], [1, 2, 3]).ok).toBe(false);
  });

  it("throws StatsInputError for NaN, infinities, mismatched lengths or empty input", () => {
    expect(() => computeMeanAbsoluteError([1, Number.NaN], [1, 2])).toThrow(StatsInputError);
    expect(() => computeRootMeanSquaredError([1, 2], [1, Number.NEGATIVE_INFINITY])).toThrow(StatsInputError);
    expect(() => computeR2Score([1, 2], [1])).toThrow(StatsInputError);
    expect(() => computeMeanSquaredError([], [])).toThrow(StatsInputError);
  });
});
