import type { ScalarResult } from "../stats/stat-result.js";

/** fairlearn's `method`: the largest gap between any two groups, or between any group and the whole data. */
export type DisparityMethod = "between_groups" | "to_overall";

/**
 * fairlearn's MetricFrame.difference: max_g m_g − min_g m_g (between_groups) or max_g |m_g − m_overall| (to_overall).
 * Callers pass at least one group value; every value finite.
 */
export function computeDifference(values: readonly number[], overall: number, method: DisparityMethod): number {
  if (method === "between_groups") return Math.max(...values) - Math.min(...values);
  return Math.max(...values.map((value) => Math.abs(value - overall)));
}

/**
 * fairlearn's MetricFrame.ratio: min_g m_g / max_g m_g (between_groups) or min_g of m_g / m_overall taken below 1
 * (x > 1 → 1/x; to_overall). A zero maximum (every group 0) is 0/0 and a zero overall value divides by zero: both
 * undefined here, where pandas would give NaN or inf.
 */
export function computeRatio(values: readonly number[], overall: number, method: DisparityMethod): ScalarResult {
  if (method === "between_groups") {
    const max = Math.max(...values);
    if (max === 0) return { ok: false, reason: "every group's rate is 0, so the ratio is 0/0" };
    return { ok: true, value: Math.min(...values) / max };
  }
  if (overall === 0) return { ok: false, reason: "the overall rate is 0, so no ratio to it exists" };
  return {
    ok: true,
    value: Math.min(...values.map((value) => (value / overall > 1 ? overall / value : value / overall))),
  };
}
