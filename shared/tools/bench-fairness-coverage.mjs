// Coverage of bias-check's paired bootstrap interval of a fairness change, larger than the unit test
// (test/unit/fairness/fairness-change-coverage.test.ts): the same four scenarios at several evaluation-set sizes,
// with more simulated data sets and resamples. Prints, per scenario and size, the share of nominal-95% intervals
// that hold the true change, with its binomial standard error.
// BENCH_COVERAGE_SEEDS (default 2000), BENCH_COVERAGE_RESAMPLES (default 1000), BENCH_COVERAGE_SCALES (default
// "1,4": multiples of the unit test's 300 + 200 rows) override the run's size. Run with nice: it is CPU-bound.
import { register } from "node:module";
import { performance } from "node:perf_hooks";

register("./ts-loader-hooks.mjs", import.meta.url);
const { simulateCoverage } = await import("../../test/unit/fairness/support/simulate-change-coverage.ts");

const seeds = Number(process.env.BENCH_COVERAGE_SEEDS ?? 2000);
const resamples = Number(process.env.BENCH_COVERAGE_RESAMPLES ?? 1000);
const scales = (process.env.BENCH_COVERAGE_SCALES ?? "1,4").split(",").map(Number);

const dp = { metric: "demographic_parity_difference", method: "between_groups", agg: "worst_case" };
const eo = { metric: "equal_opportunity_difference", method: "between_groups", agg: "worst_case" };
const two = (scale, a, b) => [
  { name: "A", size: 300 * scale, ...a },
  { name: "B", size: 200 * scale, ...b },
];
const scenarios = {
  "distinct rates, demographic parity": (s) => ({
    groups: two(
      s,
      { baseRate: 0.5, candidate: [0.3, 0.7], baseline: [0.3, 0.6] },
      { baseRate: 0.4, candidate: [0.2, 0.5], baseline: [0.25, 0.5] },
    ),
    spec: dp,
    truth: 0.18 - 0.1,
    shared: 0.8,
  }),
  "distinct rates, equal opportunity": (s) => ({
    groups: two(
      s,
      { baseRate: 0.5, candidate: [0.3, 0.7], baseline: [0.3, 0.6] },
      { baseRate: 0.4, candidate: [0.2, 0.5], baseline: [0.25, 0.5] },
    ),
    spec: eo,
    truth: 0.2 - 0.1,
    shared: 0.8,
  }),
  "nearly equal rates under both models": (s) => ({
    groups: two(
      s,
      { baseRate: 0.5, candidate: [0.3, 0.5], baseline: [0.3, 0.5] },
      { baseRate: 0.5, candidate: [0.31, 0.51], baseline: [0.29, 0.49] },
    ),
    spec: dp,
    truth: 0,
    shared: 0.8,
  }),
  "baseline at parity, candidate not": (s) => ({
    groups: two(
      s,
      { baseRate: 0.5, candidate: [0.3, 0.5], baseline: [0.3, 0.5] },
      { baseRate: 0.5, candidate: [0.4, 0.6], baseline: [0.3, 0.5] },
    ),
    spec: dp,
    truth: 0.1,
    shared: 0.8,
  }),
};

console.log(
  `bench-fairness-coverage: ${seeds} data sets × ${resamples} resamples, nominal 95% two-sided, Node ${process.version}`,
);
for (const [name, make] of Object.entries(scenarios)) {
  for (const scale of scales) {
    const started = performance.now();
    const coverage = simulateCoverage(make(scale), seeds, resamples);
    const se = Math.sqrt((coverage * (1 - coverage)) / seeds);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${name.padEnd(40)} rows ${String(500 * scale).padStart(5)}  coverage ${(coverage * 100).toFixed(1)}% ± ${(se * 100).toFixed(1)}  (${seconds} s)`,
    );
  }
}
