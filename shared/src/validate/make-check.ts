import type { Check } from "../core/check.js";
import type { Verdict } from "../core/verdict.js";

/** A validate-data check: `value` is what was measured (a count, a share, a distance), `threshold` its bound. */
export function makeCheck(
  metric: string,
  rule: string,
  verdict: Verdict,
  value: number | null,
  threshold: number,
  message: string,
): Check {
  return {
    name: `${metric}:${rule}`,
    metric,
    rule,
    verdict,
    value,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold,
    message,
  };
}
