import { formatPair, formatNumber } from "../core/format-number.js";

/**
 * A candidate's value with the baseline's beside it in parentheses, "0.372 (0.3247)", each with the digits that tell
 * the two apart (`formatPair`); the value alone without a baseline. One cell instead of two keeps a report's tables
 * within GitHub's comment column.
 */
export function formatWithBaseline(value: number | null | undefined, baseline: number | null | undefined): string {
  if (baseline === null || baseline === undefined) return formatNumber(value);
  const [base, candidate] = formatPair(baseline, value);
  return `${candidate} (${base})`;
}
