import type { DriftColumnType } from "./drift-types.js";

/** Numeric columns with at most this many distinct reference values are tested as categories (contract §7). */
export const MAX_NUMERIC_LEVELS_AS_CATEGORIES = 5;

/**
 * The contract §7 type of a column tested on its categories, over the union of both sides' values: "binary" only when
 * the reference and the current data hold the same two values, "categorical" otherwise. A two-value reference whose
 * second value is replaced in the current data (a, b → a, z) is a three-category column: a two-proportion test of
 * the first value alone would not see the swap.
 */
export function classifyCategoricalColumn(
  reference: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
): Exclude<DriftColumnType, "numeric"> {
  if (reference.size !== 2 || current.size !== 2) return "categorical";
  for (const value of reference.keys()) if (!current.has(value)) return "categorical";
  return "binary";
}
