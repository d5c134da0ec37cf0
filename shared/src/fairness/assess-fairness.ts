import { bootstrapFairness } from "./bootstrap-fairness.js";
import type { FairnessBootstrapOptions, Interval } from "./bootstrap-fairness.js";
import { tallyCells } from "./group-cells.js";
import type { CellTally, SensitiveColumn } from "./group-cells.js";
import type { FavorableClass, GroupRates, RateName } from "./group-rates.js";
import { toGroupings } from "./groupings.js";
import type { Grouping } from "./groupings.js";
import { measureGrouping, toSpecLabel } from "./measure-grouping.js";
import type { MeasureOptions, MetricSpec } from "./measure-grouping.js";
import { ownEntry } from "../core/own-entry.js";

export interface AssessFairnessOptions {
  favorable: FavorableClass;
  /** Groups with fewer rows are reported but left out of every gap metric. */
  minGroupSize: number;
  /** Privileged value per sensitive column (disparate impact). */
  privileged: Readonly<Record<string, string>>;
  specs: readonly MetricSpec[];
  /** No intervals when absent or with 0 resamples. */
  bootstrap?: FairnessBootstrapOptions | undefined;
}

export interface GroupAssessment {
  name: string;
  count: number;
  /** False when the group is below the minimum size and so not part of the gap metrics. */
  gated: boolean;
  rates: GroupRates;
  intervals?: Record<RateName, Interval>;
}

export interface MetricAssessment {
  /** Metric name with non-default options, e.g. "equalized_odds_difference (to_overall)". */
  label: string;
  spec: MetricSpec;
  value: number | null;
  /** Why the value is null. */
  reason?: string;
  interval?: Interval;
}

export interface GroupingAssessment {
  name: string;
  columns: readonly string[];
  intersection: boolean;
  privileged?: string;
  overall: GroupRates;
  groups: GroupAssessment[];
  metrics: MetricAssessment[];
}

export interface FairnessAssessment {
  rows: number;
  groupings: GroupingAssessment[];
}

/**
 * Per-group rates and gap metrics of one model's predictions for each sensitive column alone and for their
 * intersection, with stratified percentile bootstrap intervals when asked. Labels and predictions are 0/1
 * (1 = positive label); each sensitive column has a value on every row.
 */
export function assessFairness(
  labels: Float64Array,
  predictions: Float64Array,
  sensitive: readonly SensitiveColumn[],
  options: AssessFairnessOptions,
): FairnessAssessment {
  const tally = tallyCells(labels, predictions, sensitive);
  const groupings = toGroupings(tally);
  const measureOptions = toMeasureOptions(tally, groupings, options);
  const resamples = options.bootstrap?.resamples ?? 0;
  const intervals =
    options.bootstrap && resamples > 0
      ? bootstrapFairness(tally, groupings, options.specs, measureOptions, options.bootstrap)
      : undefined;
  return {
    rows: labels.length,
    groupings: groupings.map((grouping, i) => {
      const measureOption = measureOptions[i] as MeasureOptions;
      const point = measureGrouping(tally.counts, grouping, options.specs, measureOption);
      const privileged =
        measureOption.privileged === undefined ? undefined : grouping.groups[measureOption.privileged]?.name;
      return {
        name: grouping.name,
        columns: grouping.columns,
        intersection: grouping.intersection,
        ...(privileged !== undefined && { privileged }),
        overall: point.overall,
        groups: grouping.groups.map((group, g) => ({
          name: group.name,
          count: point.groups[g]!.count,
          gated: measureOption.gated[g] === true,
          rates: point.groups[g]!,
          ...(intervals && { intervals: intervals[i]!.groups[g]! }),
        })),
        metrics: options.specs.map((spec, m) => {
          const result = point.metrics[m]!;
          return {
            label: toSpecLabel(spec),
            spec,
            value: result.ok ? result.value : null,
            ...(!result.ok && { reason: result.reason }),
            ...(intervals && { interval: intervals[i]!.metrics[m]! }),
          };
        }),
      };
    }),
  };
}

/**
 * How each grouping is measured: the groups large enough to gate (by the data's group sizes, which a stratified
 * resample keeps) and the privileged group's index, when the policy names one for the column.
 */
export function toMeasureOptions(
  tally: CellTally,
  groupings: readonly Grouping[],
  options: Pick<AssessFairnessOptions, "favorable" | "minGroupSize" | "privileged">,
): MeasureOptions[] {
  return groupings.map((grouping): MeasureOptions => {
    const point = measureGrouping(tally.counts, grouping, [], { favorable: options.favorable, gated: [] });
    const privilegedValue = grouping.intersection ? undefined : ownEntry(options.privileged, grouping.name);
    const privileged =
      privilegedValue === undefined ? -1 : grouping.groups.findIndex((group) => group.name === privilegedValue);
    return {
      favorable: options.favorable,
      gated: point.groups.map((rates) => rates.count >= options.minGroupSize),
      minGroupSize: options.minGroupSize,
      ...(privileged >= 0 && { privileged }),
    };
  });
}
