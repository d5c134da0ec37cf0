import type { Table, TableColumn } from "../data/table/table.js";
import { computeHistogram, toShares } from "../stats/histogram.js";
import { equalWidthEdges } from "../stats/interpolate-curve.js";
import { categoryCounts, sortedFiniteValues } from "./column-values.js";
import type { DriftCheck } from "./drift-types.js";
import type { DriftPlot } from "./drift-plots.js";

/** Equal-width bins of a drifted numeric column's histogram. */
export const DRIFT_HISTOGRAM_BINS = 10;
/** Categories a drifted categorical column's plot shows; the rest are summed as "other". */
export const DRIFT_TOP_CATEGORIES = 8;
/** Drifted columns plotted at most, in the checks' order. */
export const MAX_DRIFT_PLOTS = 12;

/**
 * The data of validate-data's drift plots, for each drifted column (status "drift") the test ran on values: numeric
 * columns as both sides' shares on ten common equal-width bins (numpy.histogram on linspace edges over both sides'
 * finite values), categorical and binary columns as both sides' shares of the top categories by total rows (ties
 * in code-unit order of the text). Needs both tables; call after `validateData` sorted their number columns.
 */
export function computeDriftPlots(data: Table, reference: Table, checks: readonly DriftCheck[]): DriftPlot[] {
  const plots: DriftPlot[] = [];
  for (const check of checks) {
    if (check.status !== "drift" || check.approximation !== undefined || plots.length >= MAX_DRIFT_PLOTS) continue;
    const current = data.columns.get(check.metric);
    const before = reference.columns.get(check.metric);
    if (!current || !before) continue;
    plots.push(
      check.column_type === "numeric" && current.kind === "number" && before.kind === "number"
        ? histogram(check.metric, before.values, current.values)
        : categories(check.metric, before, current),
    );
  }
  return plots;
}

function histogram(column: string, reference: Float64Array, current: Float64Array): DriftPlot {
  const a = sortedFiniteValues(reference);
  const b = sortedFiniteValues(current);
  let low = Math.min(a[0]!, b[0]!);
  let high = Math.max(a[a.length - 1]!, b[b.length - 1]!);
  if (low === high) [low, high] = [low - 0.5, high + 0.5];
  const edges = equalWidthEdges(low, high, DRIFT_HISTOGRAM_BINS);
  return {
    column,
    kind: "histogram",
    edges: [...edges],
    reference_shares: toShares(computeHistogram(a, edges)),
    current_shares: toShares(computeHistogram(b, edges)),
  };
}

function categories(column: string, reference: TableColumn, current: TableColumn): DriftPlot {
  const before = categoryCounts(reference);
  const after = categoryCounts(current);
  const totals = new Map<string, number>();
  for (const counts of [before, after]) for (const [text, n] of counts) totals.set(text, (totals.get(text) ?? 0) + n);
  const top = [...totals.entries()]
    .sort(([x, m], [y, n]) => n - m || (x < y ? -1 : x > y ? 1 : 0))
    .slice(0, DRIFT_TOP_CATEGORIES)
    .map(([text]) => text);
  const sum = (counts: Map<string, number>, names: Iterable<string>) =>
    [...names].reduce((s, text) => s + (counts.get(text) ?? 0), 0);
  const shares = (counts: Map<string, number>) => {
    const total = sum(counts, counts.keys());
    return {
      shares: top.map((text) => (total === 0 ? 0 : (counts.get(text) ?? 0) / total)),
      other: total === 0 ? 0 : (total - sum(counts, top)) / total,
    };
  };
  const [r, c] = [shares(before), shares(after)];
  const [reference_shares, current_shares] = [r.shares, c.shares];
  return {
    column,
    kind: "categories",
    categories: top,
    reference_shares,
    current_shares,
    other: { reference: r.other, current: c.other },
  };
}
