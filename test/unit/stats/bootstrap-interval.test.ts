import { describe, expect, it } from "vitest";
import { drawBootstrapDistributionFromIndices } from "../../../shared/src/stats/bootstrap-from-indices.js";
import { toBootstrapInterval } from "../../../shared/src/stats/bootstrap-interval.js";
import type { Alternative } from "../../../shared/src/stats/interval-alternative.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import {
  expectOk,
  expectRelative,
  oracle,
  pairedDifferences,
  readBootstrapIndices,
  readPairedPredictions,
  reference,
} from "./support/fixtures.js";

const data = readPairedPredictions();
const indices = readBootstrapIndices();
// The index matrix resamples the first 40 rows.
const differences = {
  accuracy_difference: pairedDifferences("accuracy", data, 40),
  brier_difference: pairedDifferences("brier", data, 40),
};
const distribution = (name: keyof typeof differences) =>
  drawBootstrapDistributionFromIndices(differences[name], indices);

interface FixedCase {
  data: keyof typeof differences;
  confidence: number;
  alternative: Alternative;
  method: "bca" | "percentile";
  theta_hat: number;
  z0?: number;
  a_hat?: number;
  alpha_1?: number;
  alpha_2?: number;
  low: number | null;
  high: number | null;
}
const cases = reference.bootstrap.fixed_indices as FixedCase[];

describe("toBootstrapInterval", () => {
  it("matches the oracle's fixed-index BCa z0, α₁, α₂, low and high to 1e-12", () => {
    const expected = oracle.paired_models.bootstrap_accuracy_difference.fixed_indices_case;
    const result = expectOk(toBootstrapInterval(distribution("accuracy_difference")));
    if (result.method !== "bca") expect.fail("default method is BCa");
    expectRelative(result.z0, expected.bca.z0, 1e-12);
    expectRelative(result.acceleration, expected.a_hat, 1e-12);
    expectRelative(result.levels.low, expected.bca.alpha_1, 1e-12);
    expectRelative(result.levels.high, expected.bca.alpha_2, 1e-12);
    expectRelative(result.low, expected.bca.low, 1e-12);
    expectRelative(result.high, expected.bca.high, 1e-12);
    expect(result.estimate).toBe(expected.theta_hat);
  });

  it("matches the oracle's fixed-index percentile interval exactly", () => {
    const expected = oracle.paired_models.bootstrap_accuracy_difference.fixed_indices_case.percentile;
    const result = expectOk(toBootstrapInterval(distribution("accuracy_difference"), { method: "percentile" }));
    expect([result.low, result.high]).toEqual([expected.low, expected.high]);
  });

  it.each(cases)(
    "matches SciPy's formulas on the $data fixed-index distribution: $method, $confidence, $alternative",
    (c) => {
      const result = expectOk(toBootstrapInterval(distribution(c.data), c));
      // NumPy sums the 40 Brier differences pairwise, we sum them in order: the last bit may differ.
      expectRelative(result.estimate, c.theta_hat, 1e-15);
      if (result.method === "bca") {
        expectRelative(result.z0, c.z0 as number, 1e-12);
        expectRelative(result.acceleration, c.a_hat as number, 1e-12);
        expectRelative(result.levels.low, c.alpha_1 as number, 1e-12);
        expectRelative(result.levels.high, c.alpha_2 as number, 1e-12);
      }
      if (c.low === null) expect(result.low).toBe(-Infinity);
      else expectRelative(result.low, c.low, 1e-12);
      if (c.high === null) expect(result.high).toBe(Infinity);
      else expectRelative(result.high, c.high, 1e-12);
    },
  );

  it("is cannot-compute for BCa on constant differences, where the percentile interval is the constant", () => {
    const constant = drawBootstrapDistributionFromIndices(
      [0.25, 0.25, 0.25],
      [
        [0, 1, 2],
        [2, 2, 0],
      ],
    );
    expect(toBootstrapInterval(constant).ok).toBe(false);
    const percentile = expectOk(toBootstrapInterval(constant, { method: "percentile" }));
    expect([percentile.low, percentile.high]).toEqual([0.25, 0.25]);
  });

  it("is cannot-compute when every resampled mean lies on one side of θ̂ (z0 infinite)", () => {
    const oneSided = drawBootstrapDistributionFromIndices(
      [0, 1, 2],
      [
        [0, 0, 0],
        [0, 0, 1],
        [1, 1, 0],
      ],
    );
    expect(toBootstrapInterval(oneSided)).toEqual({ ok: false, reason: expect.stringContaining("z0") });
  });

  it("is cannot-compute for a single example", () => {
    const single = drawBootstrapDistributionFromIndices([1], [[0]]);
    expect(toBootstrapInterval(single, { method: "percentile" }).ok).toBe(false);
  });

  it("throws StatsInputError for a confidence outside (0, 1)", () => {
    expect(() => toBootstrapInterval(distribution("accuracy_difference"), { confidence: 1 })).toThrow(StatsInputError);
  });
});
