import { sampleMultinomial } from "../stats/sample-multinomial.js";
import { createSeededRandom } from "../stats/seeded-random.js";
import type { Grouping } from "./groupings.js";
import { measureGrouping } from "./measure-grouping.js";
import type { MeasureOptions, MetricSpec } from "./measure-grouping.js";
import { splitPairedCounts } from "./paired-cells.js";
import type { PairedCellTally } from "./paired-cells.js";
import { toUnfairness } from "./to-unfairness.js";

/** One gated metric on one grouping whose change between the models is wanted. */
export interface ChangeTarget {
  /** Index into the groupings. */
  grouping: number;
  spec: MetricSpec;
}

/**
 * The bootstrap distribution of a change in unfairness (candidate − baseline, `toUnfairness`), or why there is none:
 * the change is undefined on the data, or in some resample (a rate's denominator resampled to zero).
 */
export type ChangeDistribution = { ok: true; estimate: number; sorted: Float64Array } | { ok: false; reason: string };

/**
 * The paired, stratified bootstrap of the change in unfairness of each target metric: the rows are resampled with
 * replacement within each finest group (the intersection cell of the sensitive columns), and each resampled row keeps
 * both models' predictions, so the two models are measured on the same resample and their correlation is kept.
 * A cell's resampled counts are Multinomial(n_cell, its 16 paired categories / n_cell) (`sampleMultinomial`): the
 * counts of resampling its rows, at O(cells) per resample. Group sizes stay fixed, so the groups gated (by
 * `options[i].gated`, from the data's sizes) are the same in every resample. The resampled changes come back
 * ascending, ready for percentile limits; the estimate is the change on the data itself.
 */
export function bootstrapFairnessChange(
  tally: PairedCellTally,
  groupings: readonly Grouping[],
  targets: readonly ChangeTarget[],
  options: readonly MeasureOptions[],
  bootstrap: { resamples: number; seed: number },
): ChangeDistribution[] {
  const { resamples } = bootstrap;
  const cells = tally.cells.length;
  const candidate = new Float64Array(4 * cells);
  const baseline = new Float64Array(4 * cells);
  const changesOf = (counts: Float64Array): (number | string)[] => {
    splitPairedCounts(counts, candidate, baseline);
    return targets.map((target) => {
      const grouping = groupings[target.grouping] as Grouping;
      const option = options[target.grouping] as MeasureOptions;
      const c = measureGrouping(candidate, grouping, [target.spec], option).metrics[0]!;
      const b = measureGrouping(baseline, grouping, [target.spec], option).metrics[0]!;
      if (!c.ok) return `the candidate's value: ${c.reason}`;
      if (!b.ok) return `the baseline's value: ${b.reason}`;
      return toUnfairness(target.spec.metric, c.value) - toUnfairness(target.spec.metric, b.value);
    });
  };
  const estimates = changesOf(tally.counts);
  const draws = targets.map(() => new Float64Array(resamples));
  const undefinedIn = targets.map(() => 0);
  const random = createSeededRandom(bootstrap.seed);
  const resampled = new Float64Array(tally.counts.length);
  const cell = new Float64Array(16);
  for (let b = 0; b < resamples; b++) {
    for (let c = 0; c < cells; c++) {
      sampleMultinomial(tally.counts.subarray(16 * c, 16 * c + 16), cell, random);
      resampled.set(cell, 16 * c);
    }
    changesOf(resampled).forEach((change, t) => {
      if (typeof change === "number") draws[t]![b] = change;
      else undefinedIn[t]! += 1;
    });
  }
  return targets.map((_, t): ChangeDistribution => {
    const estimate = estimates[t] as number | string;
    if (typeof estimate === "string") return { ok: false, reason: `the change is undefined on the data (${estimate})` };
    const missing = undefinedIn[t] as number;
    if (missing > 0)
      return {
        ok: false,
        reason: `the change is undefined in ${missing} of ${resamples} resamples (a group's rate lost its denominator)`,
      };
    return { ok: true, estimate, sorted: (draws[t] as Float64Array).sort() };
  });
}
