import type { TableColumn } from "../data/table.js";
import { categoryCounts } from "./column-values.js";
import type { DriftColumnType } from "./drift-types.js";

/** Numeric columns with at most this many distinct reference values are tested as categories (contract §7). */
export const MAX_NUMERIC_LEVELS_AS_CATEGORIES = 5;

/**
 * The contract §7 column type, from the reference: text → categorical (binary with exactly two values);
 * numbers with more than five distinct values → numeric; fewer → categorical, or binary with two. `levels` is the
 * reference's count of distinct values when the caller has it.
 */
export function classifyDriftColumn(reference: TableColumn, levels = categoryCounts(reference).size): DriftColumnType {
  if (levels === 2) return "binary";
  if (reference.kind === "number" && levels > MAX_NUMERIC_LEVELS_AS_CATEGORIES) return "numeric";
  return "categorical";
}
