import { describe, expect, it } from "vitest";
import type { CoverageScenario } from "./support/simulate-change-coverage.js";
import { simulateCoverage } from "./support/simulate-change-coverage.js";

// 500 simulated evaluation sets per scenario (seeds fixed), 500 rows each in two groups of 300 and 200, 400 resamples
// per interval: a coverage estimate's standard error is about 1 point at 95%, and each scenario costs about 2 s of
// CPU. Measured (Node 20): 94.2% and 94.8% with distinct rates, 99.8% with nearly equal rates under both models,
// 87.4% with the baseline at parity and the candidate not. The larger run of shared/tools/bench-fairness-coverage.mjs
// (2,000 data sets, 1,000 resamples) gives 95.3%, 95.9%, 99.8% and 87.7%.
const SEEDS = 500;
const RESAMPLES = 400;

const demographicParity = {
  metric: "demographic_parity_difference",
  method: "between_groups",
  agg: "worst_case",
} as const;
const equalOpportunity = {
  metric: "equal_opportunity_difference",
  method: "between_groups",
  agg: "worst_case",
} as const;

/** Selection rates: candidate A 0.50, B 0.32 (gap 0.18); baseline A 0.45, B 0.35 (gap 0.10). */
const distinctRates: CoverageScenario = {
  groups: [
    { name: "A", size: 300, baseRate: 0.5, candidate: [0.3, 0.7], baseline: [0.3, 0.6] },
    { name: "B", size: 200, baseRate: 0.4, candidate: [0.2, 0.5], baseline: [0.25, 0.5] },
  ],
  spec: demographicParity,
  truth: 0.18 - 0.1,
  shared: 0.8,
};

/** True positive rates: candidate A 0.7, B 0.5 (gap 0.2); baseline A 0.6, B 0.5 (gap 0.1). */
const distinctTpr: CoverageScenario = { ...distinctRates, spec: equalOpportunity, truth: 0.2 - 0.1 };

/** Selection rates nearly equal under both models: candidate A 0.40, B 0.41 (gap 0.01); baseline A 0.40, B 0.39 (gap 0.01). */
const nearlyEqualRates: CoverageScenario = {
  groups: [
    { name: "A", size: 300, baseRate: 0.5, candidate: [0.3, 0.5], baseline: [0.3, 0.5] },
    { name: "B", size: 200, baseRate: 0.5, candidate: [0.31, 0.51], baseline: [0.29, 0.49] },
  ],
  spec: demographicParity,
  truth: 0,
  shared: 0.8,
};

/** The baseline at parity (selection rate 0.40 in both groups), the candidate with a real gap (A 0.40, B 0.50). */
const baselineAtParity: CoverageScenario = {
  groups: [
    { name: "A", size: 300, baseRate: 0.5, candidate: [0.3, 0.5], baseline: [0.3, 0.5] },
    { name: "B", size: 200, baseRate: 0.5, candidate: [0.4, 0.6], baseline: [0.3, 0.5] },
  ],
  spec: demographicParity,
  truth: 0.1,
  shared: 0.8,
};

describe("the paired bootstrap interval of a fairness change", () => {
  it("covers the true change of a demographic parity gap at least 93% of the time at nominal 95% when the group rates differ", () => {
    const coverage = simulateCoverage(distinctRates, SEEDS, RESAMPLES);
    expect(coverage).toBeGreaterThanOrEqual(0.93);
  });

  it("covers the true change of an equal opportunity gap at least 93% of the time at nominal 95% when the group rates differ", () => {
    const coverage = simulateCoverage(distinctTpr, SEEDS, RESAMPLES);
    expect(coverage).toBeGreaterThanOrEqual(0.93);
  });

  it("over-covers (is conservative) when both models' group rates are nearly equal", () => {
    const coverage = simulateCoverage(nearlyEqualRates, SEEDS, RESAMPLES);
    expect(coverage).toBeGreaterThanOrEqual(0.93);
  });

  // The known weakness of percentile intervals for max–min gaps: a model at parity has |p̂A − p̂B| biased upward
  // (E|N(0, σ²)| ≈ 0.8σ) and the bootstrap doubles that bias, so the interval of the change sits too low when the
  // baseline is at parity (too high when the candidate is). Measured here below the 93% target; the catalog says so.
  it("under-covers when one model's group rates are equal and the other's differ, as max–min gaps are known to", () => {
    const coverage = simulateCoverage(baselineAtParity, SEEDS, RESAMPLES);
    expect(coverage).toBeGreaterThanOrEqual(0.8);
    expect(coverage).toBeLessThan(0.93);
  });
});
