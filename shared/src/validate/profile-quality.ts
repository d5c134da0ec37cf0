import type { StringColumn, Table, TableColumn } from "../data/table/table.js";
import { percentileOfSorted } from "../stats/numpy-percentile.js";
import { categoryCounts, codeCounts, countDistinctSorted, sortedFiniteValues } from "./column-values.js";

/** Percentiles the quality report lists (NumPy's linear method). */
export const QUALITY_PERCENTILES = [1, 5, 25, 50, 75, 95, 99] as const;

/** Columns with at most this many distinct values list their most common values; more distinct values look like identifiers or free text. */
export const TOP_VALUES_MAX_DISTINCT = 20;
const TOP_VALUES = 5;

/** The quality report of one column: aggregates only, never a row. */
export interface ColumnQuality {
  column: string;
  kind: "number" | "string";
  rows: number;
  /** Empty cells, JSON null, absent keys, Parquet null. */
  missing: number;
  /** NaN or Infinity in a number column. */
  non_finite: number;
  /** Share of rows with no usable value (missing or non-finite), percent. */
  null_pct: number;
  /** Null for a profile's number column with more than 20 distinct values (its sketch does not count them). */
  distinct: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation (ddof 1), as pandas' describe. */
  std: number | null;
  /** `p1` … `p99`, NumPy's linear percentiles of the finite values; null for text or no values. */
  quantiles: Record<string, number> | null;
  /** The most common values with their row counts, for columns with few distinct values; empty otherwise. */
  top: { value: string; count: number }[];
}

/** The quality report of every column of a table, in file order. */
export function profileQuality(table: Table): ColumnQuality[] {
  return [...table.columns.values()].map((column) => profileColumn(column, table.rows));
}

export function profileColumn(column: TableColumn, rows: number): ColumnQuality {
  // A column with many distinct values needs their count, not a text label per value (nor a map of its texts).
  const sortedNumbers = column.kind === "number" ? sortedFiniteValues(column.values) : undefined;
  const distinctValues =
    sortedNumbers !== undefined ? countDistinctSorted(sortedNumbers) : countPresentCodes(column as StringColumn);
  const many = distinctValues > TOP_VALUES_MAX_DISTINCT;
  const counts = many ? new Map<string, number>() : categoryCounts(column);
  const distinct = many ? distinctValues : counts.size;
  const top =
    !many && counts.size <= TOP_VALUES_MAX_DISTINCT
      ? [...counts]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .slice(0, TOP_VALUES)
          .map(([value, count]) => ({ value, count }))
      : [];
  const nonFinite = column.kind === "number" ? column.nonFinite + column.nonNumeric : 0;
  const base = {
    column: column.name,
    kind: column.kind,
    rows,
    missing: column.missing,
    non_finite: nonFinite,
    null_pct: rows === 0 ? 0 : (100 * (column.missing + nonFinite)) / rows,
    distinct,
    top,
  };
  if (column.kind === "string") return { ...base, min: null, max: null, mean: null, std: null, quantiles: null };
  const sorted = sortedNumbers!;
  if (sorted.length === 0) return { ...base, min: null, max: null, mean: null, std: null, quantiles: null };
  const { mean, std } = meanAndStd(sorted);
  const quantiles: Record<string, number> = {};
  for (const p of QUALITY_PERCENTILES) quantiles[`p${p}`] = percentileOfSorted(sorted, p);
  return { ...base, min: sorted[0]!, max: sorted[sorted.length - 1]!, mean, std, quantiles };
}

/** Mean and sample standard deviation by Welford's update (stable for large offsets). */
export function meanAndStd(values: ArrayLike<number>): { mean: number; std: number | null } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const delta = v - mean;
    mean += delta / (i + 1);
    m2 += delta * (v - mean);
  }
  return { mean, std: values.length > 1 ? Math.sqrt(m2 / (values.length - 1)) : null };
}

/** Dictionary entries of a text column that some row holds. */
function countPresentCodes(column: StringColumn): number {
  let n = 0;
  for (const count of codeCounts(column)) if (count > 0) n++;
  return n;
}
