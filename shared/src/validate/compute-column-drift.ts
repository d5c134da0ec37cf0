import type { TableColumn } from "../data/table/table.js";
import type { DriftMethodName } from "./data-policy-schema.js";
import { chiSquareContingency } from "../stats/chi-square.js";
import { jensenShannonDistance } from "../stats/jensen-shannon.js";
import { ksTwoSampleSorted } from "../stats/ks-two-sample.js";
import { binCounts, populationStabilityIndex, quantileBinEdges } from "../stats/population-stability-index.js";
import { NORMED_WASSERSTEIN_MIN_STD, populationStd, wassersteinOfSorted } from "../stats/wasserstein.js";
import { categoricalDrift } from "./categorical-drift.js";
import { MAX_NUMERIC_LEVELS_AS_CATEGORIES } from "./classify-drift-column.js";
import { PSI_BINS, PSI_EPSILON, SMALL_REFERENCE_ROWS } from "./drift-constants.js";
import { categoryCounts, countDistinctSorted, sortedFiniteValues } from "./column-values.js";
import type { RawColumnDrift } from "./drift-types.js";
import { sampleSorted } from "./sample-values.js";

export {
  DEFAULT_DISTANCE_THRESHOLD,
  PSI_BINS,
  PSI_EPSILON,
  PSI_FAIL,
  SMALL_REFERENCE_ROWS,
} from "./drift-constants.js";

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
export function computeColumnDrift(
  reference: TableColumn,
  current: TableColumn,
  options: ColumnDriftOptions,
): RawColumnDrift | { unusable: string } {
  if (reference.kind === "number" && current.kind === "number") {
    // Each column is sorted once; the tests below take sorted samples.
    const sortedReference = sortedFiniteValues(reference.values);
    const sortedCurrent = sortedFiniteValues(current.values);
    if (sortedReference.length === 0) return unusable("the reference");
    if (sortedCurrent.length === 0) return unusable("the data");
    if (countDistinctSorted(sortedReference) > MAX_NUMERIC_LEVELS_AS_CATEGORIES)
      return numericDrift(sortedReference, sortedCurrent, options);
  }
  const referenceCounts = categoryCounts(reference);
  if (referenceCounts.size === 0) return unusable("the reference");
  const currentCounts = categoryCounts(current);
  if (currentCounts.size === 0) return unusable("the data");
  return categoricalDrift(referenceCounts, currentCounts, options.method);
}

function unusable(side: string): { unusable: string } {
  return { unusable: `${side} has no usable value in this column (all missing, NaN or Infinity)` };
}

/** Evidently's normed Wasserstein (the stats module's definition) on sorted samples. */
function normedWassersteinOfSorted(reference: Float64Array, current: Float64Array): number {
  return wassersteinOfSorted(reference, current) / Math.max(populationStd(reference), NORMED_WASSERSTEIN_MIN_STD);
}

function numericDrift(
  sortedReference: Float64Array,
  sortedCurrent: Float64Array,
  options: ColumnDriftOptions,
): RawColumnDrift {
  const reference = sampleSorted(sortedReference, options.sample, options.seed);
  const current = sampleSorted(sortedCurrent, options.sample, options.seed + 1);
  const sizes = {
    reference_rows: reference.length,
    current_rows: current.length,
    new_categories: { values: 0, rows: 0 },
  };
  const effect = normedWassersteinOfSorted(reference, current);
  const method =
    options.method === "auto" ? (reference.length <= SMALL_REFERENCE_ROWS ? "ks" : "wasserstein") : options.method;
  switch (method) {
    case "ks": {
      const ks = ksTwoSampleSorted(reference, current, "auto");
      return {
        column_type: "numeric",
        method: "ks",
        statistic: ks.statistic,
        p_value: ks.pValue,
        effect_size: effect,
        effect_size_name: "normed-wasserstein",
        ...sizes,
      };
    }
    case "wasserstein":
      return {
        column_type: "numeric",
        method: "wasserstein",
        statistic: effect,
        p_value: null,
        effect_size: effect,
        effect_size_name: "normed-wasserstein",
        ...sizes,
      };
    case "psi": {
      const psi = numericPsi(reference, current);
      return {
        column_type: "numeric",
        method: "psi",
        statistic: psi,
        p_value: null,
        effect_size: psi,
        effect_size_name: "psi",
        ...sizes,
      };
    }
    case "chi2": {
      const edges = quantileBinEdges(reference, PSI_BINS);
      const chi = chiSquareContingency([binCounts(reference, edges), binCounts(current, edges)]);
      return {
        column_type: "numeric",
        method: "chi2",
        statistic: chi.statistic,
        p_value: chi.pValue,
        effect_size: effect,
        effect_size_name: "normed-wasserstein",
        ...sizes,
      };
    }
    case "jensen-shannon": {
      const edges = quantileBinEdges(reference, PSI_BINS);
      const js = jensenShannonDistance(binCounts(reference, edges), binCounts(current, edges), 2);
      return {
        column_type: "numeric",
        method: "jensen-shannon",
        statistic: js,
        p_value: null,
        effect_size: js,
        effect_size_name: "jensen-shannon",
        ...sizes,
      };
    }
  }
}

function numericPsi(reference: Float64Array, current: Float64Array): number {
  const edges = quantileBinEdges(reference, PSI_BINS);
  return populationStabilityIndex(binCounts(reference, edges), binCounts(current, edges), { epsilon: PSI_EPSILON })
    .value;
}
