import { describe, expect, it } from "vitest";
import { computeAccuracy } from "../../../shared/src/stats/accuracy.js";
import { computeBrierScore } from "../../../shared/src/stats/brier-score.js";
import { computeF1Score } from "../../../shared/src/stats/f1-score.js";
import { computeLogLoss } from "../../../shared/src/stats/log-loss.js";
import { computePrecision } from "../../../shared/src/stats/precision.js";
import { computeRecall } from "../../../shared/src/stats/recall.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectOk, expectRelative, oracle, readPairedPredictions, reference } from "./support/fixtures.js";

const data = readPairedPredictions();
const models = [
  ["baseline", data.baselineScore, data.baselinePred],
  ["candidate", data.candidateScore, data.candidatePred],
] as const;
const value = (result: { ok: boolean }) => (expectOk(result) as unknown as { value: number }).value;

describe.each(models)("metrics of the %s model on the oracle's 1000 paired predictions", (name, score, pred) => {
  const expected = reference.classification[name];

  it("computeAccuracy matches accuracy_score and the oracle to 1e-12", () => {
    expectRelative(computeAccuracy(data.yTrue, pred), expected.accuracy, 1e-12);
    expectRelative(computeAccuracy(data.yTrue, pred), oracle.paired_models.mcnemar[`accuracy_${name}`], 1e-12);
  });

  it("computePrecision, computeRecall and computeF1Score match sklearn for pos_label 1 and 0 to 1e-12", () => {
    for (const positiveLabel of [1, 0] as const) {
      const averaging = { average: "binary", positiveLabel } as const;
      const suffix = `pos${positiveLabel}`;
      expectRelative(value(computePrecision(data.yTrue, pred, averaging)), expected[`precision_${suffix}`], 1e-12);
      expectRelative(value(computeRecall(data.yTrue, pred, averaging)), expected[`recall_${suffix}`], 1e-12);
      expectRelative(value(computeF1Score(data.yTrue, pred, averaging)), expected[`f1_${suffix}`], 1e-12);
    }
  });

  it("macro averages match sklearn average='macro' to 1e-12", () => {
    const macro = { average: "macro" } as const;
    expectRelative(value(computePrecision(data.yTrue, pred, macro)), expected.macro_precision, 1e-12);
    expectRelative(value(computeRecall(data.yTrue, pred, macro)), expected.macro_recall, 1e-12);
    expectRelative(value(computeF1Score(data.yTrue, pred, macro)), expected.macro_f1, 1e-12);
  });

  it("computeLogLoss and computeBrierScore match log_loss and brier_score_loss to 1e-12", () => {
    expectRelative(computeLogLoss(data.yTrue, score), expected.log_loss, 1e-12);
    expectRelative(computeBrierScore(data.yTrue, score), expected.brier, 1e-12);
  });
});

describe("classification metrics on edge cases", () => {
  it("macro averages over three labels match sklearn to 1e-12", () => {
    const expected = reference.classification.three_class;
    const truth = data.baselineScore.map((s) => Math.floor(s * 3));
    const predicted = data.candidateScore.map((s) => Math.floor(s * 3));
    const macro = { average: "macro" } as const;
    expectRelative(computeAccuracy(truth, predicted), expected.accuracy, 1e-12);
    expectRelative(value(computePrecision(truth, predicted, macro)), expected.macro_precision, 1e-12);
    expectRelative(value(computeRecall(truth, predicted, macro)), expected.macro_recall, 1e-12);
    expectRelative(value(computeF1Score(truth, predicted, macro)), expected.macro_f1, 1e-12);
  });

  it("computeLogLoss clips certain wrong predictions at ε = 2⁻⁵² like sklearn ≥ 1.2", () => {
    const expected = reference.classification.clipped_log_loss;
    expect(expected.eps).toBe(Number.EPSILON);
    expectRelative(computeLogLoss([1, 0, 1, 0], [0, 1, 1, 0]), expected.value, 1e-12);
  });

  it("precision is cannot-compute when nothing is predicted positive; F1 is then 0, as sklearn", () => {
    expect(computePrecision([1, 0, 1], [0, 0, 0]).ok).toBe(false);
    expect(computeF1Score([1, 0, 1], [0, 0, 0])).toEqual({ ok: true, value: 0 });
    expect(computeRecall([0, 0, 0], [1, 0, 0]).ok).toBe(false);
    expect(computeF1Score([0, 0], [0, 0]).ok).toBe(false);
    expect(computePrecision([0, 1, 2], [0, 1, 1], { average: "macro" }).ok).toBe(false);
  });

  it("throws StatsInputError for binary labels outside {0, 1}, scores outside [0, 1], NaN or mismatches", () => {
    expect(() => computePrecision([0, 2], [0, 1])).toThrow(StatsInputError);
    expect(() => computeLogLoss([0, 1], [0.5, 1.5])).toThrow(StatsInputError);
    expect(() => computeBrierScore([0, 3], [0.5, 0.5])).toThrow(StatsInputError);
    expect(() => computeAccuracy([0, Number.NaN], [0, 1])).toThrow(StatsInputError);
    expect(() => computeAccuracy([0, 1], [0])).toThrow(StatsInputError);
    expect(() => computeAccuracy([], [])).toThrow(StatsInputError);
  });
});
