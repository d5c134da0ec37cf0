import { describe, expect, it } from "vitest";
import { computeCalibrationBins } from "../../../shared/src/stats/calibration-bins.js";
import { computeConfusionMatrix } from "../../../shared/src/stats/confusion-matrix.js";
import { computeDecileMeans } from "../../../shared/src/stats/decile-means.js";
import { computeHistogram, histogramOfSorted } from "../../../shared/src/stats/histogram.js";
import {
  equalWidthEdges,
  interpolateRocOnGrid,
  stepPrecisionOnGrid,
  unitGrid,
} from "../../../shared/src/stats/interpolate-curve.js";
import { computePrecisionRecallCurve } from "../../../shared/src/stats/precision-recall-curve.js";
import { computeRocCurve } from "../../../shared/src/stats/roc-curve.js";
import { computeBrierScore } from "../../../shared/src/stats/brier-score.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { curveReference, expectOk, readPairedPredictions } from "./support/fixtures.js";

const data = readPairedPredictions();
const rounded = data.candidateScore.map((s) => Math.round(s * 10) / 10);
const cases = [
  ["baseline", data.baselineScore, 0.5],
  ["candidate", data.candidateScore, 0.5],
  ["rounded", rounded, 0.3],
] as const;

function expectClose(actual: ArrayLike<number | null>, expected: readonly number[], tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs((actual[i] as number) - expected[i]!), `index ${i}`).toBeLessThanOrEqual(tolerance);
}

describe.each(cases)("plot curves of the %s scores on the oracle's 1000 predictions", (name, scores, threshold) => {
  const expected = curveReference[name];

  it("computeRocCurve matches roc_curve(drop_intermediate=False) point by point", () => {
    const roc = expectOk(computeRocCurve(data.yTrue, scores));
    expectClose(roc.fpr, expected.roc.fpr);
    expectClose(roc.tpr, expected.roc.tpr);
    expect(roc.thresholds[0]).toBe(Number.POSITIVE_INFINITY);
    expectClose(roc.thresholds.subarray(1), expected.roc.thresholds_after_first, 0);
  });

  it("interpolateRocOnGrid matches numpy.interp on the 21-point grid", () => {
    const roc = expectOk(computeRocCurve(data.yTrue, scores));
    expectClose(interpolateRocOnGrid(roc.fpr, roc.tpr, unitGrid(21)), expected.roc_on_grid);
  });

  it("computePrecisionRecallCurve matches precision_recall_curve and average_precision_score", () => {
    const pr = expectOk(computePrecisionRecallCurve(data.yTrue, scores));
    expectClose(pr.precision, expected.pr.precision);
    expectClose(pr.recall, expected.pr.recall);
    expectClose(pr.thresholds, expected.pr.thresholds, 0);
    expect(Math.abs(pr.averagePrecision - expected.average_precision)).toBeLessThanOrEqual(1e-12);
  });

  it("stepPrecisionOnGrid matches the step function of scikit-learn's curve on the grid", () => {
    const pr = expectOk(computePrecisionRecallCurve(data.yTrue, scores));
    expectClose(stepPrecisionOnGrid(pr.precision, pr.recall, unitGrid(21)), expected.pr_on_grid);
  });

  it("computeConfusionMatrix matches confusion_matrix at the threshold", () => {
    const predicted = scores.map((s) => (s >= threshold ? 1 : 0));
    const m = computeConfusionMatrix(data.yTrue, predicted);
    expect([
      [m.trueNegatives, m.falsePositives],
      [m.falseNegatives, m.truePositives],
    ]).toEqual(expected.confusion_matrix);
  });

  it("computeCalibrationBins matches calibration_curve(n_bins=10) with its bin counts, and Brier beside", () => {
    const bins = computeCalibrationBins(data.yTrue, scores);
    expect(bins.counts).toEqual(expected.calibration.counts);
    expect(bins.positives).toEqual(expected.calibration.positives);
    expectClose(
      bins.observed.filter((v) => v !== null),
      expected.calibration.prob_true,
      1e-15,
    );
    expectClose(
      bins.predicted.filter((v) => v !== null),
      expected.calibration.prob_pred,
      1e-15,
    );
    expect(Math.abs(computeBrierScore(data.yTrue, scores) - expected.brier)).toBeLessThanOrEqual(1e-12);
  });
});

describe("histograms and deciles", () => {
  const reference = curveReference.regression;

  it("computeHistogram on equalWidthEdges matches numpy.histogram on linspace edges", () => {
    const residual = (pred: readonly number[]) => data.yTrue.map((y, i) => y - pred[i]!);
    const c = residual(data.candidateScore);
    const b = residual(data.baselineScore);
    const edges = equalWidthEdges(Math.min(...c, ...b), Math.max(...c, ...b), 10);
    expectClose(edges, reference.residual_histogram_candidate.edges, 0);
    expect(computeHistogram(c, edges)).toEqual(reference.residual_histogram_candidate.counts);
    expect(computeHistogram(b, edges)).toEqual(reference.residual_histogram_baseline.counts);
    const { baseline, candidate } = curveReference.common_bins;
    const common = equalWidthEdges(
      Math.min(...data.baselineScore, ...data.candidateScore),
      Math.max(...data.baselineScore, ...data.candidateScore),
      10,
    );
    expect(computeHistogram(data.baselineScore, common)).toEqual(baseline.counts);
    expect(computeHistogram(data.candidateScore, common)).toEqual(candidate.counts);
    const sorted = (values: readonly number[]) => Float64Array.from(values).sort();
    expect(histogramOfSorted(sorted(c), edges)).toEqual(reference.residual_histogram_candidate.counts);
    expect(histogramOfSorted(sorted(data.baselineScore), common)).toEqual(baseline.counts);
    expect(histogramOfSorted(sorted(data.candidateScore), common)).toEqual(candidate.counts);
  });

  it("histogramOfSorted counts as computeHistogram does: ties on edges, the top edge, values outside", () => {
    const values = [-1, 0, 0, 0.25, 0.5, 0.5, 0.75, 1, 1, 1.5];
    for (const edges of [
      [0, 0.5, 1],
      [0, 0.25, 0.5, 0.75, 1],
      [-2, 2],
      [0.1, 0.2],
    ])
      expect(histogramOfSorted(Float64Array.from(values), edges)).toEqual(computeHistogram(values, edges));
    expect(histogramOfSorted(new Float64Array(0), [0, 1])).toEqual([0]);
    expect(() => histogramOfSorted(Float64Array.from([0, Number.NaN]), [0, 1])).toThrow(/expected a finite number/);
  });

  it("computeHistogram puts the top edge in the last bin and leaves values outside uncounted", () => {
    expect(computeHistogram([0, 0.5, 1, 1.5, -1], [0, 0.5, 1])).toEqual([1, 2]);
  });

  it("computeDecileMeans matches numpy.array_split of the stable argsort, per model", () => {
    for (const [name, predicted] of [
      ["candidate", data.candidateScore],
      ["baseline", data.baselineScore],
    ] as const) {
      const deciles = computeDecileMeans(data.yTrue, predicted);
      const expected = reference[`deciles_${name}`];
      expect(deciles.sizes).toEqual(expected.sizes);
      expectClose(deciles.meanPredicted, expected.mean_predicted, 1e-12);
      expectClose(deciles.meanActual, expected.mean_actual, 1e-12);
    }
  });

  it("computeDecileMeans makes one group per example when there are fewer than ten", () => {
    expect(computeDecileMeans([1, 2, 3], [0.3, 0.1, 0.2]).meanActual).toEqual([2, 3, 1]);
  });
});

describe("curves on edge cases", () => {
  it("computeRocCurve cannot compute with one class only, and names it", () => {
    const roc = computeRocCurve([1, 1], [0.2, 0.4]);
    expect(roc).toEqual({ ok: false, reason: expect.stringContaining("every label is 1") });
  });

  it("computePrecisionRecallCurve cannot compute without a positive example", () => {
    expect(computePrecisionRecallCurve([0, 0], [0.2, 0.4]).ok).toBe(false);
  });

  it("refuses non-finite scores and labels other than 0/1", () => {
    expect(() => computeRocCurve([0, 1], [0.2, Number.NaN])).toThrow(StatsInputError);
    expect(() => computeConfusionMatrix([0, 2], [0, 1])).toThrow(StatsInputError);
    expect(() => computeCalibrationBins([0, 1], [0.2, 1.2])).toThrow(StatsInputError);
  });

  it("computeCalibrationBins puts a probability on an inner edge in the lower bin, as scikit-learn 1.2", () => {
    const bins = computeCalibrationBins([1, 0, 1], [0.1, 0.1000001, 1]);
    expect(bins.counts.slice(0, 2)).toEqual([1, 1]);
    expect(bins.counts[9]).toBe(1);
  });
});
