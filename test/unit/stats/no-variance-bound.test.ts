import { describe, expect, it } from "vitest";
import { noVariancePValue, toNoVarianceLimits } from "../../../shared/src/stats/no-variance-bound.js";
import { perExampleRange } from "../../../shared/src/stats/per-example-values.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { edgeCases, expectRelative } from "./support/fixtures.js";

// make_edge_case_reference_values.py: limits c − u·(c − a), c + u·(b − c) with u = scipy.stats.beta.ppf(0.95, 1, n),
// p-values scipy.stats.binom.pmf(0, n, r).
const cases = edgeCases.no_variance;

describe("toNoVarianceLimits", () => {
  it("bounds an unchanged classifier's accuracy change by ±(1 − 0.05^(1/1000)) on 1000 examples", () => {
    const want = cases.accuracy_identical;
    const limits = toNoVarianceLimits({ constant: 0, range: [-1, 1], trials: 1000 }, 0.05);
    expectRelative(limits.rate, want.rate, 1e-12);
    expectRelative(limits.low, want.low, 1e-12);
    expectRelative(limits.high, want.high, 1e-12);
  });

  it("bounds a constant Brier change of −0.03 asymmetrically within its range [−1, 1]", () => {
    for (const want of [cases.brier_constant_200, cases.brier_constant_1000]) {
      const limits = toNoVarianceLimits({ constant: want.constant, range: [-1, 1], trials: want.n }, 0.05);
      expectRelative(limits.low, want.low, 1e-12);
      expectRelative(limits.high, want.high, 1e-12);
    }
  });

  it("spans sklearn's clipped log-loss range ±ln((1 − ε)/ε) = ±36.04 for an unchanged probabilistic model", () => {
    const want = cases.log_loss_identical;
    const [lowest, highest] = perExampleRange("log-loss");
    expectRelative(highest, want.per_example_max, 1e-15);
    expectRelative(lowest, want.per_example_min, 1e-12);
    expectRelative(highest - lowest, want.span, 1e-15);
    const limits = toNoVarianceLimits(
      { constant: 0, range: [lowest - highest, highest - lowest], trials: want.n },
      0.05,
    );
    expectRelative(limits.high, want.high, 1e-12);
    expectRelative(limits.low, want.low, 1e-12);
  });

  it("gives infinite limits to a metric without an upper bound (absolute error): zero variance bounds nothing there", () => {
    const limits = toNoVarianceLimits({ constant: 0, range: [-Infinity, Infinity], trials: 1000 }, 0.05);
    expect(limits).toMatchObject({ low: -Infinity, high: Infinity });
    expectRelative(limits.rate, cases.accuracy_identical.rate, 1e-12);
  });

  it("keeps the limit at c on the side where c is the range's end", () => {
    expect(toNoVarianceLimits({ constant: -1, range: [-1, 1], trials: 50 }, 0.05).low).toBe(-1);
    expect(toNoVarianceLimits({ constant: 0, range: [0, Infinity], trials: 50 }, 0.05).low).toBe(0);
  });

  it("refuses a constant outside its range or no trials", () => {
    expect(() => toNoVarianceLimits({ constant: 2, range: [-1, 1], trials: 5 }, 0.05)).toThrow(StatsInputError);
    expect(() => toNoVarianceLimits({ constant: 0, range: [-1, 1], trials: 0 }, 0.05)).toThrow(StatsInputError);
  });
});

describe("noVariancePValue", () => {
  it("is SciPy's binom.pmf(0, n, r) with r the share of differing units that reaches the threshold", () => {
    const accuracy = cases.accuracy_identical;
    expectRelative(
      noVariancePValue({ constant: 0, range: [-1, 1], trials: 1000 }, -0.01, "greater"),
      accuracy["max_regression_0.01"].p_value,
      1e-10,
    );
    const brier = cases.brier_constant_200;
    expectRelative(
      noVariancePValue({ constant: brier.constant, range: [-1, 1], trials: 200 }, -0.02, "less"),
      brier["min_improvement_0.02"].p_value,
      1e-10,
    );
    const loss = cases.log_loss_identical;
    expectRelative(
      noVariancePValue({ constant: 0, range: [-loss.span, loss.span], trials: 1000 }, 0.01, "less"),
      loss["max_regression_0.01"].p_value,
      1e-10,
    );
    for (const c of edgeCases.binom_zero as { n: number; rate: number; pmf0: number }[]) {
      expectRelative(noVariancePValue({ constant: 0, range: [-1, 1], trials: c.n }, -c.rate, "greater"), c.pmf0, 1e-10);
    }
  });

  it("is the smallest alpha whose limit reaches the threshold", () => {
    const evidence = { constant: 0, range: [-1, 1] as const, trials: 500 };
    const p = noVariancePValue(evidence, -0.01, "greater");
    expect(toNoVarianceLimits(evidence, p * 1.000001).low).toBeGreaterThanOrEqual(-0.01);
    expect(toNoVarianceLimits(evidence, p * 0.999999).low).toBeLessThan(-0.01);
  });

  it("is 1 when c is on the wrong side or the range is unbounded, 0 when no unit can cross the threshold", () => {
    expect(noVariancePValue({ constant: 0, range: [-1, 1], trials: 1000 }, 0.005, "greater")).toBe(1);
    expect(noVariancePValue({ constant: 0, range: [-Infinity, Infinity], trials: 1000 }, -0.01, "greater")).toBe(1);
    expect(noVariancePValue({ constant: 0.5, range: [-1, 1], trials: 10 }, -2, "greater")).toBe(0);
  });
});
