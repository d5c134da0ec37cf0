import { describe, expect, it } from "vitest";
import { computeRocAuc } from "../../../shared/src/stats/roc-auc.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectOk, expectRelative, oracle, readPairedPredictions, reference } from "./support/fixtures.js";

const data = readPairedPredictions();
const round1 = (values: number[]) => values.map((x) => Math.round(x * 10) / 10);

describe("computeRocAuc", () => {
  it("matches sklearn roc_auc_score and the oracle's Mann–Whitney AUC for both models to 1e-12", () => {
    const baseline = expectOk(computeRocAuc(data.yTrue, data.baselineScore)).value;
    const candidate = expectOk(computeRocAuc(data.yTrue, data.candidateScore)).value;
    expectRelative(baseline, reference.classification.baseline.roc_auc, 1e-12);
    expectRelative(candidate, reference.classification.candidate.roc_auc, 1e-12);
    expectRelative(baseline, oracle.paired_models.delong_auc.auc_via_mannwhitneyu[0], 1e-12);
    expectRelative(candidate, oracle.paired_models.delong_auc.auc_via_mannwhitneyu[1], 1e-12);
  });

  it("counts ties as ½ like sklearn when scores are rounded to one decimal", () => {
    const tied = reference.classification.rounded_scores;
    const auc = (scores: number[]) => expectOk(computeRocAuc(data.yTrue, round1(scores))).value;
    expectRelative(auc(data.baselineScore), tied.roc_auc_baseline, 1e-12);
    expectRelative(auc(data.candidateScore), tied.roc_auc_candidate, 1e-12);
  });

  it("accepts scores outside [0, 1] (only the order matters)", () => {
    expect(computeRocAuc([0, 0, 1, 1], [-3, 5, 5, 40])).toEqual({ ok: true, value: 0.875 });
  });

  it("is cannot-compute when only one class is present (sklearn raises)", () => {
    expect(computeRocAuc([1, 1, 1], [0.2, 0.5, 0.9]).ok).toBe(false);
  });

  it("throws StatsInputError for labels other than 0/1, NaN scores or empty input", () => {
    expect(() => computeRocAuc([0, 2], [0.1, 0.2])).toThrow(StatsInputError);
    expect(() => computeRocAuc([0, 1], [0.1, Number.NaN])).toThrow(StatsInputError);
    expect(() => computeRocAuc([], [])).toThrow(StatsInputError);
  });
});
