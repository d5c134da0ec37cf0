import type { TableColumn } from "../data/table.js";
import type { DriftMethodName } from "../policy/data-policy-schema.js";
import { chiSquareContingency } from "../stats/chi-square.js";
import { jensenShannonDistance } from "../stats/jensen-shannon.js";
import { ksTwoSampleSorted } from "../stats/ks-two-sample.js";
import { binCounts, populationStabilityIndex, quantileBinEdges } from "../stats/population-stability-index.js";
import { twoProportionZTest } from "../stats/two-proportion-z-test.js";
import { NORMED_WASSERSTEIN_MIN_STD, populationStd, wassersteinOfSorted } from "../stats/wasserstein.js";
import { classifyDriftColumn, MAX_NUMERIC_LEVELS_AS_CATEGORIES } from "./classify-drift-column.js";
import { categoryCounts, countDistinctSorted, sortedFiniteValues } from "./column-values.js";
import type { DriftColumnType, DriftMethod, EffectSizeName } from "./drift-types.js";
import { sampleSorted } from "./sample-values.js";

/** Reference sizes up to this use the p-value tests of contract §7; larger ones the distances. */
export const SMALL_REFERENCE_ROWS = 1000;
/** PSI: 10 bins at the reference's quantiles; proportions clipped at 1e-4 (contract §7). */
export const PSI_BINS = 10;
export const PSI_EPSILON = 1e-4;

/** The default bound of each method: alpha for p-value tests, the distance for distances; PSI's is its warn level. */
export const DEFAULT_DISTANCE_THRESHOLD: Record<"psi" | "jensen-shannon" | "wasserstein", number> = { psi: 0.1, "jensen-shannon": 0.1, wasserstein: 0.1 };
export const PSI_FAIL = 0.25;

/** One column's test before p-values are adjusted across columns. */
export interface RawColumnDrift {
  column_type: DriftColumnType;
  method: DriftMethod;
  statistic: number;
  p_value: number | null;
  effect_size: number;
  effect_size_name: EffectSizeName;
  reference_rows: number;
  current_rows: number;
  /** Current-only categories and the rows that hold them (categorical and binary columns). */
  new_categories: { values: number; rows: number };
  /** Set when the test ran on profiles' sketches rather than the values: how, and its error bound. */
  approximation?: string;
}

export interface ColumnDriftOptions {
  method: DriftMethodName;
  sample: number | undefined;
  seed: number;
}

/**
 * Runs the drift test of one column (contract §7): `auto` picks by column type and reference size; a method named
 * in the policy runs where it applies (ks and wasserstein need numbers; categorical columns keep their automatic
 * test). Numeric columns are compared on their finite values; categorical ones on their value counts.
 */
export function computeColumnDrift(reference: TableColumn, current: TableColumn, options: ColumnDriftOptions): RawColumnDrift | { unusable: string } {
  if (reference.kind === "number" && current.kind === "number") {
    // Each column is sorted once; the tests below take sorted samples.
    const sortedReference = sortedFiniteValues(reference.values);
    const sortedCurrent = sortedFiniteValues(current.values);
    if (sortedReference.length === 0) return unusable("the reference");
    if (sortedCurrent.length === 0) return unusable("the data");
    if (countDistinctSorted(sortedReference) > MAX_NUMERIC_LEVELS_AS_CATEGORIES) return numericDrift(sortedReference, sortedCurrent, options);
  }
  // Each side's value counts once: a text column of a million distinct values makes a map of a million entries.
  const referenceCounts = categoryCounts(reference);
  if (referenceCounts.size === 0) return unusable("the reference");
  const currentCounts = categoryCounts(current);
  if (currentCounts.size === 0) return unusable("the data");
  return categoricalDrift(referenceCounts, currentCounts, classifyDriftColumn(reference, referenceCounts.size), options.method);
}

function unusable(side: string): { unusable: string } {
  return { unusable: `${side} has no usable value in this column (all missing, NaN or Infinity)` };
}

/** Evidently's normed Wasserstein (the stats module's definition) on sorted samples. */
function normedWassersteinOfSorted(reference: Float64Array, current: Float64Array): number {
  return wassersteinOfSorted(reference, current) / Math.max(populationStd(reference), NORMED_WASSERSTEIN_MIN_STD);
}

function numericDrift(sortedReference: Float64Array, sortedCurrent: Float64Array, options: ColumnDriftOptions): RawColumnDrift {
  const reference = sampleSorted(sortedReference, options.sample, options.seed);
  const current = sampleSorted(sortedCurrent, options.sample, options.seed + 1);
  const sizes = { reference_rows: reference.length, current_rows: current.length, new_categories: { values: 0, rows: 0 } };
  const effect = normedWassersteinOfSorted(reference, current);
  const method = options.method === "auto" ? (reference.length <= SMALL_REFERENCE_ROWS ? "ks" : "wasserstein") : options.method;
  switch (method) {
    case "ks": {
      const ks = ksTwoSampleSorted(reference, current, "auto");
      return { column_type: "numeric", method: "ks", statistic: ks.statistic, p_value: ks.pValue, effect_size: effect, effect_size_name: "normed-wasserstein", ...sizes };
    }
    case "wasserstein":
      return { column_type: "numeric", method: "wasserstein", statistic: effect, p_value: null, effect_size: effect, effect_size_name: "normed-wasserstein", ...sizes };
    case "psi": {
      const psi = numericPsi(reference, current);
      return { column_type: "numeric", method: "psi", statistic: psi, p_value: null, effect_size: psi, effect_size_name: "psi", ...sizes };
    }
    case "chi2": {
      const edges = quantileBinEdges(reference, PSI_BINS);
      const chi = chiSquareContingency([binCounts(reference, edges), binCounts(current, edges)]);
      return { column_type: "numeric", method: "chi2", statistic: chi.statistic, p_value: chi.pValue, effect_size: effect, effect_size_name: "normed-wasserstein", ...sizes };
    }
    case "jensen-shannon": {
      const edges = quantileBinEdges(reference, PSI_BINS);
      const js = jensenShannonDistance(binCounts(reference, edges), binCounts(current, edges), 2);
      return { column_type: "numeric", method: "jensen-shannon", statistic: js, p_value: null, effect_size: js, effect_size_name: "jensen-shannon", ...sizes };
    }
  }
}

function numericPsi(reference: Float64Array, current: Float64Array): number {
  const edges = quantileBinEdges(reference, PSI_BINS);
  return populationStabilityIndex(binCounts(reference, edges), binCounts(current, edges), { epsilon: PSI_EPSILON }).value;
}

/** The categorical tests of contract §7 on value counts (a table's or a profile's: the same numbers either way). */
export function categoricalDrift(reference: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>, type: DriftColumnType, requested: DriftMethodName): RawColumnDrift {
  // One order for both count vectors: the reference's categories sorted, then current-only ones sorted.
  const known = [...reference.keys()].sort();
  const unseen = [...current.keys()].filter((value) => !reference.has(value)).sort();
  const levels = [...known, ...unseen];
  const referenceCounts = levels.map((value) => reference.get(value) ?? 0);
  const currentCounts = levels.map((value) => current.get(value) ?? 0);
  const referenceRows = sum(referenceCounts);
  const currentRows = sum(currentCounts);
  const newRows = unseen.reduce((total, value) => total + current.get(value)!, 0);
  const sizes = { reference_rows: referenceRows, current_rows: currentRows, new_categories: { values: unseen.length, rows: newRows } };
  const js = referenceRows > 0 && currentRows > 0 ? jensenShannonDistance(referenceCounts, currentCounts, 2) : 0;
  const effect = { effect_size: js, effect_size_name: "jensen-shannon" as const };
  const method = requested === "psi" || requested === "chi2" || requested === "jensen-shannon" ? requested : referenceRows <= SMALL_REFERENCE_ROWS ? (type === "binary" ? "z-test" : "chi2") : "jensen-shannon";
  switch (method) {
    case "z-test": {
      // The proportion of the reference's first level (in sorted order) in each sample.
      const level = known[0]!;
      const z = twoProportionZTest(reference.get(level) ?? 0, referenceRows, current.get(level) ?? 0, currentRows);
      return { column_type: type, method: "z-test", statistic: z.statistic, p_value: z.pValue, ...effect, ...sizes };
    }
    case "chi2": {
      const chi = levels.length < 2 ? { statistic: 0, pValue: 1 } : chiSquareContingency([referenceCounts, currentCounts]);
      return { column_type: type, method: "chi2", statistic: chi.statistic, p_value: chi.pValue, ...effect, ...sizes };
    }
    case "jensen-shannon":
      return { column_type: type, method: "jensen-shannon", statistic: js, p_value: null, ...effect, ...sizes };
    case "psi": {
      // Current-only categories are reported on their own (contract §7), not folded into PSI through the epsilon.
      const psi = populationStabilityIndex(referenceCounts.slice(0, known.length), currentCounts.slice(0, known.length), { epsilon: PSI_EPSILON }).value;
      return { column_type: type, method: "psi", statistic: psi, p_value: null, effect_size: psi, effect_size_name: "psi", ...sizes };
    }
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
