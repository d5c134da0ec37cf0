import type { Check } from "../core/check.js";
import type { Verdict } from "../core/verdict.js";

/** A check of promote or rollback: evidence or an effect, with no measured value or bound. */
export function registryCheck(name: string, metric: string, rule: string, verdict: Verdict, message: string): Check {
  return {
    name,
    metric,
    rule,
    verdict,
    value: null,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message,
  };
}
