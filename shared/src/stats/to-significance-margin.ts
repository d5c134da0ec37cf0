import { formatNumber } from "../core/format-number.js";
import { cannotCompute, type StatResult } from "./stat-result.js";

/**
 * The baseline rules `significance: <alpha>` can turn into a confidence-interval decision (contract §3); a
 * warn-regression bound is a threshold as max-regression's, only its verdicts differ (`judgeSignificance`).
 */
export type SignificanceRuleKind =
  | "max-regression"
  | "max-regression-pct"
  | "min-improvement"
  | "min-improvement-pct"
  | "warn-regression"
  | "warn-regression-pct";

/** A baseline rule of one metric, as the policy writes it. */
export interface SignificanceRule {
  direction: "higher" | "lower";
  kind: SignificanceRuleKind;
  /** The bound as written: metric units, or percent of |baseline| for the `-pct` kinds. */
  bound: number;
  /** The baseline's value of the metric; needed only to turn a percent bound into metric units. */
  baseline?: number;
}

/**
 * The rule as a hypothesis about delta = candidate − baseline: the alternative "delta ≥ threshold" (`side:
 * "greater"`, shown by the lower limit of [low, +∞)) or "delta ≤ threshold" (`side: "less"`, shown by the upper
 * limit of (−∞, high]).
 */
export interface SignificanceMargin {
  threshold: number;
  side: "greater" | "less";
  /** "a regression of at most 0.01" / "an improvement of at least 2% (0.016)": the rule in words. */
  claim: string;
}

/**
 * Converts a baseline rule into a threshold on delta, direction-aware as evaluate-gate's plain rules ("regression" = change
 * in the bad direction, bounds inclusive): higher-is-better with max-regression (or warn-regression) m needs delta ≥ −m, with
 * min-improvement i needs delta ≥ i; lower-is-better mirrors them to delta ≤ m and delta ≤ −i. A percent bound is
 * bound/100 · |baseline|. "Cannot compute" for a percent bound without a baseline or from a zero baseline (contract
 * §3: undefined; the metric-unit rule decides instead), or a non-finite bound.
 */
export function toSignificanceMargin(rule: SignificanceRule): StatResult<SignificanceMargin> {
  if (!Number.isFinite(rule.bound))
    return cannotCompute(`The ${rule.kind} bound ${String(rule.bound)} is not a finite number.`);
  const percent = rule.kind.endsWith("-pct");
  let amount = rule.bound;
  let amountText = formatNumber(rule.bound);
  if (percent) {
    const base = rule.baseline;
    if (base === undefined || !Number.isFinite(base)) {
      return cannotCompute(`${rule.kind} needs the baseline's value to convert ${amountText}% into metric units.`);
    }
    if (base === 0) {
      const absolute = rule.kind.replace(/-pct$/, "");
      return cannotCompute(
        `A percent bound from a zero baseline is undefined; give ${absolute} to decide this rule in metric units.`,
      );
    }
    amount = (rule.bound / 100) * Math.abs(base);
    amountText = `${amountText}% (${formatNumber(amount)})`;
  }
  const regression = rule.kind.startsWith("max-regression") || rule.kind.startsWith("warn-regression");
  const higher = rule.direction === "higher";
  return {
    ok: true,
    // "+ 0" turns −0 (a zero bound mirrored) into 0.
    threshold: (regression ? -amount : amount) * (higher ? 1 : -1) + 0,
    side: higher ? "greater" : "less",
    claim: regression ? `a regression of at most ${amountText}` : `an improvement of at least ${amountText}`,
  };
}
