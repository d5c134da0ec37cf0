import type { RuleName } from "../policy/policy-schema.js";
import { formatNumber } from "./format-number.js";

/** The rule as a reviewer recognises it from modelgate.yml: `min 0.8`, `max-regression-pct 2%`. */
export function describeRule(rule: RuleName, threshold: number): string {
  return `${rule} ${formatNumber(threshold)}${rule.endsWith("-pct") ? "%" : ""}`;
}
