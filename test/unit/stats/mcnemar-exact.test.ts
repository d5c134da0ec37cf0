import { describe, expect, it } from "vitest";
import { computeMcnemarExact } from "../../../shared/src/stats/mcnemar-exact.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectRelative, oracle, readPairedPredictions } from "./support/fixtures.js";

const mcnemar = oracle.paired_models.mcnemar;

describe("computeMcnemarExact", () => {
  it("matches scipy.stats.binomtest(78, 221, 0.5).pvalue to 1e-12 from the discordant counts", () => {
    const result = computeMcnemarExact({ b: 78, c: 143 });
    expectRelative(result.pValue, mcnemar.exact_binomtest_pvalue, 1e-12);
  });

  it("counts b and c from correctness vectors and gives the same p-value", () => {
    const data = readPairedPredictions();
    const baselineCorrect = data.yTrue.map((y, i) => (data.baselinePred[i] === y ? 1 : 0));
    const candidateCorrect = data.yTrue.map((y, i) => (data.candidatePred[i] === y ? 1 : 0));
    const result = computeMcnemarExact({ baselineCorrect, candidateCorrect });
    expect(result.b).toBe(mcnemar.table.baseline_only_correct);
    expect(result.c).toBe(mcnemar.table.candidate_only_correct);
    expectRelative(result.pValue, mcnemar.exact_binomtest_pvalue, 1e-12);
  });

  it("is symmetric in b and c and caps the p-value at 1 when they are equal", () => {
    expect(computeMcnemarExact({ b: 143, c: 78 }).pValue).toBe(computeMcnemarExact({ b: 78, c: 143 }).pValue);
    expect(computeMcnemarExact({ b: 10, c: 10 }).pValue).toBe(1);
  });

  it("gives p = 1 when no example is discordant", () => {
    expect(computeMcnemarExact({ b: 0, c: 0 }).pValue).toBe(1);
  });

  it("gives 2·0.5^n when one model wins every discordant example (binomtest(0, 5) = 0.0625)", () => {
    expect(computeMcnemarExact({ b: 0, c: 5 }).pValue).toBe(0.0625);
  });

  it("throws StatsInputError for negative or fractional counts and non-0/1 or mismatched vectors", () => {
    expect(() => computeMcnemarExact({ b: -1, c: 3 })).toThrow(StatsInputError);
    expect(() => computeMcnemarExact({ b: 1.5, c: 3 })).toThrow(StatsInputError);
    expect(() => computeMcnemarExact({ baselineCorrect: [1, 2], candidateCorrect: [0, 1] })).toThrow(StatsInputError);
    expect(() => computeMcnemarExact({ baselineCorrect: [1, 0], candidateCorrect: [0] })).toThrow(StatsInputError);
    expect(() => computeMcnemarExact({ baselineCorrect: [], candidateCorrect: [] })).toThrow(StatsInputError);
  });
});
