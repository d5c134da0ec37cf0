import { describe, expect, it } from "vitest";
import { toSignificanceInterval } from "../../../shared/src/stats/to-significance-interval.js";
import { drawBootstrapDistribution } from "../../../shared/src/stats/bootstrap-distribution.js";
import { computePairedBootstrap } from "../../../shared/src/stats/paired-bootstrap.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import {
  expectOk,
  expectRelative,
  oracle,
  pairedDifferences,
  readPairedPredictions,
  reference,
} from "../stats/support/fixtures.js";

const delong = oracle.paired_models.delong_auc;
const data = readPairedPredictions();

describe("toSignificanceInterval", () => {
  it("gives the oracle's one-sided 95% DeLong limits when alpha is 0.05", () => {
    const evidence = {
      method: "delong",
      difference: delong.auc_diff_candidate_minus_baseline,
      varianceDifference: delong.var_diff,
    } as const;
    const limits = expectOk(toSignificanceInterval(evidence, 0.05));
    expectRelative(limits.low, reference.delong_bounds.lower_one_sided_95, 1e-12);
    expectRelative(limits.high, reference.delong_bounds.upper_one_sided_95, 1e-12);
  });

  it.each(["bca", "percentile"] as const)(
    "gives computePairedBootstrap's one-sided %s limits for the same seed",
    (method) => {
      const distribution = drawBootstrapDistribution(pairedDifferences("accuracy", data), { resamples: 999, seed: 3 });
      const limits = expectOk(toSignificanceInterval({ method: "bootstrap", distribution, interval: method }, 0.05));
      const input = {
        metric: "accuracy",
        yTrue: data.yTrue,
        candidate: data.candidatePred,
        baseline: data.baselinePred,
      } as const;
      const options = { resamples: 999, seed: 3, method, confidence: 0.95 } as const;
      expect(limits.low).toBe(expectOk(computePairedBootstrap(input, { ...options, alternative: "greater" })).low);
      expect(limits.high).toBe(expectOk(computePairedBootstrap(input, { ...options, alternative: "less" })).high);
    },
  );

  it("throws StatsInputError when alpha is outside (0, 1)", () => {
    expect(() => toSignificanceInterval({ method: "delong", difference: 0, varianceDifference: 1 }, 1)).toThrow(
      StatsInputError,
    );
  });
});
