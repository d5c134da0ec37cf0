import { toMeasureOptions } from "../../../../shared/src/fairness/assess-fairness.js";
import { bootstrapFairnessChange } from "../../../../shared/src/fairness/bootstrap-fairness-change.js";
import type { SensitiveColumn } from "../../../../shared/src/fairness/group-cells.js";
import { toGroupings } from "../../../../shared/src/fairness/groupings.js";
import type { MetricSpec } from "../../../../shared/src/fairness/measure-grouping.js";
import { splitPairedCounts, tallyPairedCells } from "../../../../shared/src/fairness/paired-cells.js";
import { percentileOfSorted } from "../../../../shared/src/stats/numpy-percentile.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

/** One group of the simulated population: its size and each model's probability of predicting the positive class. */
export interface SimulatedGroup {
  name: string;
  size: number;
  /** P(label = 1). */
  baseRate: number;
  /** P(prediction = 1 | label) for the candidate and the baseline: [given label 0, given label 1]. */
  candidate: [number, number];
  baseline: [number, number];
}

export interface CoverageScenario {
  groups: SimulatedGroup[];
  spec: MetricSpec;
  /** The true change in unfairness of `spec` between the models' population rates. */
  truth: number;
  /** Share of rows whose baseline prediction reuses the candidate's uniform draw (the models' correlation). */
  shared: number;
}

/**
 * Draws one evaluation set of the scenario (group sizes fixed, as the stratified bootstrap assumes), computes the
 * two-sided `confidence` percentile interval of the change with `resamples` resamples, and returns whether it
 * holds the truth. Everything follows from `seed`.
 */
export function coversTruth(scenario: CoverageScenario, seed: number, resamples: number, confidence = 0.95): boolean {
  const random = createSeededRandom(seed);
  const rows = scenario.groups.reduce((sum, group) => sum + group.size, 0);
  const labels = new Float64Array(rows);
  const candidate = new Float64Array(rows);
  const baseline = new Float64Array(rows);
  const codes = new Int32Array(rows);
  let row = 0;
  scenario.groups.forEach((group, g) => {
    for (let i = 0; i < group.size; i++, row++) {
      const label = random.nextDouble() < group.baseRate ? 1 : 0;
      const u = random.nextDouble();
      const v = random.nextDouble() < scenario.shared ? u : random.nextDouble();
      labels[row] = label;
      candidate[row] = u < group.candidate[label]! ? 1 : 0;
      baseline[row] = v < group.baseline[label]! ? 1 : 0;
      codes[row] = g;
    }
  });
  const column: SensitiveColumn = { name: "group", codes, dictionary: scenario.groups.map((group) => group.name) };
  const tally = tallyPairedCells(labels, candidate, baseline, [column]);
  const counts = new Float64Array(4 * tally.cells.length);
  splitPairedCounts(tally.counts, counts, new Float64Array(counts.length));
  const cellTally = { columns: ["group"], cells: tally.cells, counts };
  const groupings = toGroupings(cellTally);
  const options = toMeasureOptions(cellTally, groupings, { favorable: 1, minGroupSize: 1, privileged: {} });
  const [distribution] = bootstrapFairnessChange(tally, groupings, [{ grouping: 0, spec: scenario.spec }], options, {
    resamples,
    seed: seed + 1,
  });
  if (!distribution?.ok) return false;
  const tail = ((1 - confidence) / 2) * 100;
  return (
    percentileOfSorted(distribution.sorted, tail) <= scenario.truth &&
    scenario.truth <= percentileOfSorted(distribution.sorted, 100 - tail)
  );
}

/** Share of `seeds` simulated evaluation sets whose interval holds the truth. */
export function simulateCoverage(scenario: CoverageScenario, seeds: number, resamples: number, firstSeed = 1): number {
  let covered = 0;
  for (let s = 0; s < seeds; s++) if (coversTruth(scenario, firstSeed + 2 * s, resamples)) covered++;
  return covered / seeds;
}
