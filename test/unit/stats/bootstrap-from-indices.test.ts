import { describe, expect, it } from "vitest";
import { drawBootstrapDistributionFromIndices } from "../../../shared/src/stats/bootstrap-from-indices.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { oracle, pairedDifferences, readBootstrapIndices, readPairedPredictions } from "./support/fixtures.js";

const data = readPairedPredictions();
const indices = readBootstrapIndices();
const fixed = oracle.paired_models.bootstrap_accuracy_difference.fixed_indices_case;
const accuracy = pairedDifferences("accuracy", data, 40);

describe("drawBootstrapDistributionFromIndices", () => {
  it("reproduces the oracle's θ̂ and the first resampled means of the fixed-index case exactly", () => {
    const distribution = drawBootstrapDistributionFromIndices(accuracy, indices);
    expect(indices).toHaveLength(fixed.B);
    expect(distribution.estimate).toBe(fixed.theta_hat);
    expect(distribution.sampleSize).toBe(40);
    // The distribution is returned sorted; each of the oracle's first five means must be in it.
    for (const mean of fixed.theta_b_first5 as number[]) expect(distribution.sorted).toContain(mean);
  });

  it("throws StatsInputError for an index out of range, a short row or no rows", () => {
    expect(() => drawBootstrapDistributionFromIndices([1, 0], [[0, 2]])).toThrow(StatsInputError);
    expect(() => drawBootstrapDistributionFromIndices([1, 0], [[0]])).toThrow(StatsInputError);
    expect(() => drawBootstrapDistributionFromIndices([1, 0], [])).toThrow(StatsInputError);
  });
});
