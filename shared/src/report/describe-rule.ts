import type { EvaluateCheck } from "../evaluate/gate-result.js";
import { formatNumber } from "../core/format-number.js";

/** The rule as a reviewer recognises it from modelgate.yml: `min 0.8`, `max-regression-pct 2%`. */
export function describeRule(rule: EvaluateCheck["rule"], threshold: number): string {
  // Rules without a number of their own: a sign that must hold, or what a feature mismatch does.
  if (rule === "sign-stable" || rule === "on-feature-mismatch") return rule;
  return `${rule} ${formatNumber(threshold)}${rule.endsWith("-pct") ? "%" : ""}`;
}
