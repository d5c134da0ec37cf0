import { describe, expect, it } from "vitest";
import { assessFairness } from "../../../shared/src/fairness/assess-fairness.js";
import type { AssessFairnessOptions } from "../../../shared/src/fairness/assess-fairness.js";
import { readCompas, reference } from "./support/compas.js";

const compas = await readCompas();
const options = (seed: number, resamples = 2000): AssessFairnessOptions => ({
  favorable: 1,
  minGroupSize: 30,
  privileged: {},
  specs: [{ metric: "demographic_parity_difference", method: "between_groups", agg: "worst_case" }],
  bootstrap: { resamples, seed, confidence: 0.95 },
});
const run = (seed: number, resamples?: number) =>
  assessFairness(compas.labels, compas.predictions, [compas.race], options(seed, resamples)).groupings[0]!;

describe("bootstrapFairness (stratified percentile intervals)", () => {
  it("agrees within 0.01 with numpy's stratified row bootstrap on COMPAS (different generators, 2,000 vs 4,000 resamples)", () => {
    const race = run(11);
    const want = reference.bootstrap_race;
    const dpd = race.metrics[0]!.interval!;
    expect(dpd.ok).toBe(true);
    if (!dpd.ok) return;
    expect(Math.abs(dpd.low - want.race_gated_demographic_parity_difference_ci95[0])).toBeLessThan(0.01);
    expect(Math.abs(dpd.high - want.race_gated_demographic_parity_difference_ci95[1])).toBeLessThan(0.01);
    const fpr = race.groups.find((g) => g.name === "African-American")!.intervals!.fpr;
    expect(fpr.ok && Math.abs(fpr.low - want.african_american_fpr_ci95[0])).toBeLessThan(0.005);
    expect(fpr.ok && Math.abs(fpr.high - want.african_american_fpr_ci95[1])).toBeLessThan(0.005);
  });

  it("gives identical intervals for the same seed and different ones for another seed", () => {
    const first = run(3, 300).metrics[0]!.interval;
    expect(run(3, 300).metrics[0]!.interval).toEqual(first);
    expect(run(4, 300).metrics[0]!.interval).not.toEqual(first);
  });

  it("gives no interval, with the count of undefined resamples, when a rate is undefined in some resamples", () => {
    // Group "a" has 5 rows, one with the positive label: a resample misses it with probability (4/5)^5 = 0.33.
    const labels = Float64Array.from([1, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    const predictions = Float64Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    const codes = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const assessment = assessFairness(labels, predictions, [{ name: "g", codes, dictionary: ["a", "b"] }], {
      ...options(1, 200),
      minGroupSize: 1,
      specs: [{ metric: "equal_opportunity_difference", method: "between_groups", agg: "worst_case" }],
    });
    const tpr = assessment.groupings[0]!.groups[0]!.intervals!.tpr;
    expect(tpr.ok).toBe(false);
    const missed = Number(/undefined in (\d+) of 200 resamples/.exec(tpr.ok ? "" : tpr.reason)?.[1]);
    expect(missed).toBeGreaterThan(40); // binomial(200, 0.33): mean 66, sd 6.6
    expect(missed).toBeLessThan(95);
    expect(assessment.groupings[0]!.metrics[0]!.interval).toMatchObject({ ok: false });
  });
});
