import { formatDistinct, formatNumber, formatSigned } from "../core/format-number.js";
import { requireConfidence } from "./require-confidence.js";
import { isAtLeast, isAtMost } from "../core/compare-within-tolerance.js";
import type { SignificanceLimits } from "./to-significance-interval.js";
import { toSignificanceMargin, type SignificanceRule } from "./to-significance-margin.js";

/** `inconclusive` becomes `fail` or `warn` by the policy's `on-inconclusive` (contract §3); that is not decided here. */
export type SignificanceVerdict = "pass" | "fail" | "inconclusive";

export type SignificanceDecision =
  | {
      decided: true;
      verdict: SignificanceVerdict;
      message: string;
      /** [low, high]: the two one-sided (1 − alpha) limits of delta = candidate − baseline. */
      ci: [number, number];
      /** The rule's threshold on delta, in metric units (a percent bound converted). */
      bound: number;
      /** The limit that shows the rule: "low" for higher-is-better metrics, "high" for lower-is-better. */
      decidedBy: "low" | "high";
    }
  | { decided: false; verdict: "fail"; message: string; ci: [number, number] };

/**
 * Decides a baseline rule on the one-sided (1 − alpha) confidence limits of delta = candidate − baseline (contract
 * §3). The rule's hypothesis is delta ≥ t (higher is better; t = −m for max-regression m, t = i for min-improvement
 * i) or delta ≤ t (lower is better; t = m, t = −i), inclusive as the plain rules. `pass` when the interval on the
 * rule's side excludes every violating value: low ≥ t for a higher-is-better metric (low is the limit of [low, +∞),
 * so "delta < t" is rejected by a one-sided test at level alpha), high ≤ t for a lower-is-better one. `fail` when
 * the opposite one-sided interval lies wholly on the violating side: high < t (resp. low > t), i.e. "the rule
 * holds" is itself rejected at level alpha. Otherwise `inconclusive`: the two-sided (1 − 2·alpha) interval [low, high]
 * contains t. Limits equal to t within 1e-9 relative count as on t: the rule holds there, so low = t passes and
 * high = t is inconclusive. Undecided (`fail` with the reason) for a percent rule from a zero or missing baseline, or
 * limits that are NaN or out of order.
 * @throws {StatsInputError} when alpha is outside (0, 1).
 */
export function decideSignificance(
  rule: SignificanceRule,
  alpha: number,
  limits: SignificanceLimits,
): SignificanceDecision {
  requireConfidence(1 - alpha);
  const ci: [number, number] = [limits.low, limits.high];
  const margin = toSignificanceMargin(rule);
  if (!margin.ok) return { decided: false, verdict: "fail", message: margin.reason, ci };
  if (Number.isNaN(limits.low) || Number.isNaN(limits.high) || limits.low > limits.high) {
    return {
      decided: false,
      verdict: "fail",
      message: `The confidence limits [${formatSigned(limits.low)}, ${formatSigned(limits.high)}] of the change are not an interval, so the gate cannot decide.`,
      ci,
    };
  }
  const t = margin.threshold;
  const higher = margin.side === "greater";
  const level = `${formatNumber((1 - alpha) * 100)}%`;
  // The limits and the rule's threshold print with enough digits that a limit just past t never reads as t, and
  // signed, as changes are everywhere else in a report ("+0.03", not "0.03").
  const [lowText, highText, tText] = formatDistinct([limits.low, limits.high, margin.threshold], formatSigned);
  const interval = `[${lowText}, ${highText}]`;
  const shown = higher ? isAtLeast(limits.low, t) : isAtMost(limits.high, t);
  const ruledOut = higher ? !isAtLeast(limits.high, t) : !isAtMost(limits.low, t);
  const common = { decided: true, ci, bound: t, decidedBy: higher ? "low" : "high" } as const;
  if (shown) {
    const limit = higher ? `lower limit ${lowText} ≥` : `upper limit ${highText} ≤`;
    return {
      ...common,
      verdict: "pass",
      message: `Shown at ${level} one-sided confidence: the change's ${limit} ${tText}, so ${margin.claim} holds.`,
    };
  }
  if (ruledOut) {
    const side = higher ? "below" : "above";
    return {
      ...common,
      verdict: "fail",
      message: `Ruled out at ${level} one-sided confidence: the change's interval ${interval} lies wholly ${side} ${tText}, so ${margin.claim} does not hold.`,
    };
  }
  return {
    ...common,
    verdict: "inconclusive",
    message: `Inconclusive at ${level} one-sided confidence: the change's interval ${interval} contains ${tText}, so the data neither show nor rule out ${margin.claim}.`,
  };
}
