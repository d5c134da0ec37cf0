import type { ScalarResult } from "../stats/stat-result.js";
import { computeDisparateImpact } from "./disparate-impact.js";
import type { OddsAggregation } from "./fairness-metrics.js";
import { computeGapMetric } from "./fairness-metrics.js";
import type { FairnessMetric } from "./fairness-metrics.js";
import type { DisparityMethod } from "./disparity.js";
import { toGroupRates } from "./group-rates.js";
import type { FavorableClass, GroupRates } from "./group-rates.js";
import { sumGroupCounts } from "./groupings.js";
import type { Grouping } from "./groupings.js";

/** One gap metric as computed: method and agg as fairlearn's arguments (agg only matters for equalized odds). */
export interface MetricSpec {
  metric: FairnessMetric;
  method: DisparityMethod;
  agg: OddsAggregation;
}

export interface MeasureOptions {
  favorable: FavorableClass;
  /** Groups that take part in the gap metrics (large enough), by index into `grouping.groups`. */
  gated: readonly boolean[];
  /** Index of the privileged group in `grouping.groups` (disparate impact), when one is named. */
  privileged?: number | undefined;
  /** The policy's `min-group-size`, when groups are gated by it: named in the reason a metric is undefined. */
  minGroupSize?: number | undefined;
}

/** Rates of every group and of all rows, and each requested metric over the gated groups. */
export interface GroupingMeasure {
  groups: GroupRates[];
  overall: GroupRates;
  metrics: ScalarResult[];
}

/** The name of a metric as reports and check names show it: `equalized_odds_difference` plus non-default options. */
export function toSpecLabel(spec: MetricSpec): string {
  const options = [
    spec.method === "to_overall" ? "to_overall" : "",
    spec.metric.startsWith("equalized_odds") && spec.agg === "mean" ? "mean" : "",
  ].filter(Boolean);
  return options.length > 0 ? `${spec.metric} (${options.join(", ")})` : spec.metric;
}

/**
 * Measures one grouping from the finest cells' confusion counts (`counts[4c + k]`): the computation the point
 * estimate and every bootstrap resample share. With fewer than two groups of at least `minGroupSize` rows a gap
 * metric is undefined, and so is disparate impact when the privileged group or the rows outside it are fewer than
 * that: "cannot decide" with the reason (fairlearn and AIF360 have no minimum size and would return a number).
 */
export function measureGrouping(
  counts: ArrayLike<number>,
  grouping: Grouping,
  specs: readonly MetricSpec[],
  options: MeasureOptions,
): GroupingMeasure {
  const groupCounts = new Float64Array(4 * grouping.groups.length);
  const all = new Float64Array(4);
  grouping.groups.forEach((group, g) => {
    sumGroupCounts(counts, group.cells, groupCounts, 4 * g);
    for (let k = 0; k < 4; k++) all[k]! += groupCounts[4 * g + k] as number;
  });
  const groups = grouping.groups.map((_, g) => toGroupRates(groupCounts, options.favorable, 4 * g));
  const overall = toGroupRates(all, options.favorable);
  const gated = grouping.groups.flatMap((group, g) =>
    options.gated[g] ? [{ name: group.name, rates: groups[g] as GroupRates }] : [],
  );
  const metrics = specs.map((spec): ScalarResult => {
    if (spec.metric !== "disparate_impact") {
      if (gated.length < 2 && options.minGroupSize !== undefined)
        return tooFewGroups(grouping, groups, gated.length, options.minGroupSize);
      return computeGapMetric(spec.metric, gated, overall, spec);
    }
    if (options.privileged === undefined)
      return { ok: false, reason: "no privileged group is named for this grouping" };
    const p = options.privileged;
    const small =
      options.minGroupSize === undefined
        ? undefined
        : privilegedTooSmall(grouping.groups[p]!.name, groups[p]!.count, overall.count, options.minGroupSize);
    return small ?? computeDisparateImpact(groupCounts.subarray(4 * p, 4 * p + 4), all, options.favorable);
  });
  return { groups, overall, metrics };
}

function tooFewGroups(grouping: Grouping, groups: readonly GroupRates[], large: number, minimum: number): ScalarResult {
  const sizes = grouping.groups
    .slice(0, 5)
    .map((group, g) => `${group.name} ${groups[g]!.count}`)
    .join(", ");
  const more = grouping.groups.length > 5 ? `, and ${grouping.groups.length - 5} more` : "";
  const which = large === 0 ? "no group has" : "only 1 group has";
  return {
    ok: false,
    reason: `a gap needs two groups of at least min-group-size ${minimum} rows, and ${which} that many (rows: ${sizes}${more})`,
  };
}

function privilegedTooSmall(name: string, inside: number, all: number, minimum: number): ScalarResult | undefined {
  if (inside < minimum)
    return {
      ok: false,
      reason: `the privileged group "${name}" has ${inside} rows, fewer than min-group-size ${minimum}`,
    };
  if (all - inside < minimum)
    return {
      ok: false,
      reason: `only ${all - inside} rows lie outside the privileged group "${name}", fewer than min-group-size ${minimum}`,
    };
  return undefined;
}
