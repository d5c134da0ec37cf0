import type { Check } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";

/**
 * The history rule `max-below-median`: the candidate may fall at most `threshold` below the median of the last N
 * comparable versions (for `direction: lower`, rise at most `threshold` above it). The median, not the best of N,
 * since the best of N versions is biased upward. Fails closed when there is no median or no candidate value.
 */
export function decideHistoryMedian(input: {
  metric: string;
  direction: "higher" | "lower";
  candidate: number | null;
  median: number | null;
  comparable: number;
  threshold: number;
}): Check<"max-below-median"> {
  const { metric, direction, candidate, median, threshold } = input;
  const base = {
    name: `${metric}:max-below-median`,
    metric,
    rule: "max-below-median" as const,
    value: candidate,
    baseline: median,
    threshold,
  };
  if (candidate === null || !Number.isFinite(candidate)) {
    return {
      ...base,
      verdict: "fail",
      delta: null,
      delta_pct: null,
      message: `The candidate has no value of ${metric} to compare with the history's median.`,
    };
  }
  if (median === null) {
    return {
      ...base,
      verdict: "fail",
      delta: null,
      delta_pct: null,
      message: `No comparable version recorded ${metric}, so there is no median to compare with; the rule cannot decide.`,
    };
  }
  const delta = candidate - median;
  const worse = direction === "higher" ? -delta : delta;
  const pass = worse <= threshold + 1e-12 * Math.max(1, Math.abs(median));
  const side = direction === "higher" ? "below" : "above";
  const of = `the median ${formatNumber(median)} of the last ${input.comparable} comparable version${input.comparable === 1 ? "" : "s"}`;
  const message =
    worse > 0
      ? `${metric} ${formatNumber(candidate)} is ${formatNumber(worse)} ${side} ${of}; at most ${formatNumber(threshold)} is allowed.`
      : `${metric} ${formatNumber(candidate)} is not ${side} ${of}.`;
  return {
    ...base,
    verdict: pass ? "pass" : "fail",
    delta,
    delta_pct: median === 0 ? null : (delta / Math.abs(median)) * 100,
    message,
  };
}
