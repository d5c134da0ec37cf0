import { describe, expect, it } from "vitest";
import { expected } from "./support/load-fixtures.js";
import { fixtureComparison } from "./support/fixture-comparison.js";

// scipy.stats.ks_2samp / wasserstein_distance and the contract's PSI computed with NumPy (fixtures/compute-expected.py).
describe("compareDistributions on the fixture logs", async () => {
  const { distribution, scores } = await fixtureComparison();

  it("gives SciPy's KS statistic and exact p-value of the paired scores", () => {
    expect(distribution.scoreKs?.statistic).toBeCloseTo(expected.score_ks, 12);
    expect(distribution.scoreKs?.pValue).toBeCloseTo(expected.score_ks_pvalue, 10);
    expect(distribution.scoreKs?.method).toBe("exact");
  });

  it("gives SciPy's Wasserstein distance and NumPy's PSI at production's score deciles", () => {
    expect(distribution.scoreWasserstein).toBeCloseTo(expected.score_wasserstein, 12);
    expect(distribution.scorePsi).toBeCloseTo(expected.score_psi, 12);
    expect(scores?.compared).toBe(expected.joined);
  });

  it("gives the PSI of the predicted classes over the classes either model predicts", () => {
    expect(distribution.predictionPsi).toBeCloseTo(expected.prediction_psi, 12);
  });
});
