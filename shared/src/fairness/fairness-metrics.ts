import type { ScalarResult } from "../stats/stat-result.js";
import { computeDifference, computeRatio } from "./disparity.js";
import type { DisparityMethod } from "./disparity.js";
import { RATE_DENOMINATOR } from "./group-rates.js";
import type { GroupRates, RateName } from "./group-rates.js";

/** The gap metrics a `fairness:` policy can gate (fairlearn's names, plus AIF360's disparate impact). */
export const FAIRNESS_METRICS = [
  "demographic_parity_difference",
  "demographic_parity_ratio",
  "equalized_odds_difference",
  "equalized_odds_ratio",
  "equal_opportunity_difference",
  "equal_opportunity_ratio",
  "disparate_impact",
] as const;
export type FairnessMetric = (typeof FAIRNESS_METRICS)[number];

/** fairlearn's `agg` of equalized odds: the worse of the TPR and FPR gaps, or their mean. */
export type OddsAggregation = "worst_case" | "mean";

export interface GapOptions {
  method: DisparityMethod;
  agg: OddsAggregation;
}

/** A group as the gap metrics see it. */
export interface RatedGroup {
  name: string;
  rates: GroupRates;
}

/** Differences are better low; ratios better high (1 = parity). */
export function isRatioMetric(metric: FairnessMetric): boolean {
  return metric.endsWith("_ratio") || metric === "disparate_impact";
}

/**
 * One of fairlearn's gap metrics over the given groups (fairlearn/metrics/_fairness_metrics.py): demographic parity
 * on the selection rate, equal opportunity on TPR, equalized odds on TPR and FPR combined by `agg` (worst_case: the
 * larger difference, the smaller ratio; mean: their average). Undefined, with the reason, when a group's rate is
 * undefined (zero denominator) or a ratio divides by zero. Disparate impact is not computed here (it needs the
 * privileged group: `computeDisparateImpact`).
 */
export function computeGapMetric(
  metric: Exclude<FairnessMetric, "disparate_impact">,
  groups: readonly RatedGroup[],
  overall: GroupRates,
  options: GapOptions,
): ScalarResult {
  if (groups.length < 2)
    return { ok: false, reason: `a gap needs at least two groups; ${groups.length} can be compared` };
  const kind = metric.endsWith("_difference") ? "difference" : "ratio";
  const one = (rate: RateName): ScalarResult => {
    const values: number[] = [];
    for (const group of groups) {
      const value = group.rates[rate];
      if (value === null)
        return { ok: false, reason: `${rate} of group "${group.name}" is undefined (${RATE_DENOMINATOR[rate]})` };
      values.push(value);
    }
    const whole = overall[rate];
    if (whole === null) return { ok: false, reason: `the overall ${rate} is undefined (${RATE_DENOMINATOR[rate]})` };
    return kind === "difference"
      ? { ok: true, value: computeDifference(values, whole, options.method) }
      : computeRatio(values, whole, options.method);
  };
  if (metric.startsWith("demographic_parity")) return one("selection_rate");
  if (metric.startsWith("equal_opportunity")) return one("tpr");
  const tpr = one("tpr");
  if (!tpr.ok) return tpr;
  const fpr = one("fpr");
  if (!fpr.ok) return fpr;
  if (options.agg === "mean") return { ok: true, value: (tpr.value + fpr.value) / 2 };
  return { ok: true, value: kind === "difference" ? Math.max(tpr.value, fpr.value) : Math.min(tpr.value, fpr.value) };
}
