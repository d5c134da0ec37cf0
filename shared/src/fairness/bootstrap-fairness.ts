import { percentileOfSorted } from "../stats/numpy-percentile.js";
import { sampleMultinomial } from "../stats/sample-multinomial.js";
import { createSeededRandom } from "../stats/seeded-random.js";
import type { CellTally } from "./group-cells.js";
import { RATE_NAMES } from "./group-rates.js";
import type { RateName } from "./group-rates.js";
import type { Grouping } from "./groupings.js";
import { measureGrouping } from "./measure-grouping.js";
import type { MeasureOptions, MetricSpec } from "./measure-grouping.js";

export interface FairnessBootstrapOptions {
  resamples: number;
  seed: number;
  /** Two-sided confidence level in (0, 1). */
  confidence: number;
}

/** A percentile interval, or why there is none. */
export type Interval = { ok: true; low: number; high: number } | { ok: false; reason: string };

export interface GroupingIntervals {
  /** `groups[g][rate]`. */
  groups: Record<RateName, Interval>[];
  metrics: Interval[];
}

/**
 * Percentile bootstrap intervals of every group rate and every metric of every grouping, resampling rows with
 * replacement within each finest group (stratified by the combination of sensitive values, so each group keeps its
 * size and no group vanishes from a resample). A cell's resampled confusion counts are Multinomial(n_cell, its
 * counts / n_cell) (`sampleMultinomial`), exactly the counts of resampling its rows, at O(cells) per resample
 * instead of O(rows). Limits are numpy.percentile (linear) at (1 − c)/2 and (1 + c)/2, as fairlearn's MetricFrame
 * reads `ci_quantiles` from its bootstrap samples; no interval when the value is undefined in some resample.
 */
export function bootstrapFairness(
  tally: CellTally,
  groupings: readonly Grouping[],
  specs: readonly MetricSpec[],
  options: readonly MeasureOptions[],
  bootstrap: FairnessBootstrapOptions,
): GroupingIntervals[] {
  const { resamples } = bootstrap;
  const random = createSeededRandom(bootstrap.seed);
  const draws = groupings.map((grouping) => ({
    rates: grouping.groups.map(() => RATE_NAMES.map(() => new Float64Array(resamples))),
    metrics: specs.map(() => new Float64Array(resamples)),
  }));
  const resampled = new Float64Array(tally.counts.length);
  const cell = new Float64Array(4);
  for (let b = 0; b < resamples; b++) {
    for (let c = 0; c < tally.cells.length; c++) {
      sampleMultinomial(tally.counts.subarray(4 * c, 4 * c + 4), cell, random);
      resampled.set(cell, 4 * c);
    }
    groupings.forEach((grouping, i) => {
      const measure = measureGrouping(resampled, grouping, specs, options[i] as MeasureOptions);
      const target = draws[i]!;
      measure.groups.forEach((rates, g) =>
        RATE_NAMES.forEach((rate, r) => (target.rates[g]![r]![b] = rates[rate] ?? Number.NaN)),
      );
      measure.metrics.forEach((metric, m) => (target.metrics[m]![b] = metric.ok ? metric.value : Number.NaN));
    });
  }
  const toInterval = (values: Float64Array): Interval => {
    const undefinedCount = values.reduce((n, value) => n + (Number.isNaN(value) ? 1 : 0), 0);
    if (undefinedCount > 0) return { ok: false, reason: `undefined in ${undefinedCount} of ${resamples} resamples` };
    const sorted = values.sort();
    const tail = ((1 - bootstrap.confidence) / 2) * 100;
    return { ok: true, low: percentileOfSorted(sorted, tail), high: percentileOfSorted(sorted, 100 - tail) };
  };
  return draws.map((draw) => ({
    groups: draw.rates.map(
      (rates) =>
        Object.fromEntries(RATE_NAMES.map((rate, r) => [rate, toInterval(rates[r]!)])) as Record<RateName, Interval>,
    ),
    metrics: draw.metrics.map(toInterval),
  }));
}
