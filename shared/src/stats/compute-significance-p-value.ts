import { toBootstrapInterval } from "./bootstrap-interval.js";
import { noVariancePValue } from "./no-variance-bound.js";
import { normalSf } from "./normal-distribution.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";
import { isAtLeast, isAtMost } from "../core/compare-within-tolerance.js";
import type { SignificanceEvidence } from "./to-significance-interval.js";
import { toSignificanceMargin, type SignificanceRule } from "./to-significance-margin.js";

/** Bisection steps on alpha in (0, 1): 2⁻⁵⁰ ≈ 9e-16, below any alpha a policy can mean. */
const BISECTION_STEPS = 50;

/**
 * The p-value of the rule's one-sided test, by inverting its confidence interval: the smallest alpha at which
 * `decideSignificance` would pass (the one-sided 1 − alpha limit on the rule's side reaches the threshold t). For
 * DeLong it is closed-form, p = Φ(−(Δ − t)/√Var(Δ)) for "delta ≥ t" (Φ(−(t − Δ)/√Var(Δ)) for "delta ≤ t"), the
 * one-sided Wald test under DeLong's normal approximation; at t = 0 it is half the two-sided DeLong p when Δ > 0. For
 * a bootstrap distribution it is found by bisection on alpha over `toBootstrapInterval` (BCa or percentile), the
 * p-value of the test that interval implies; the limit moves inward monotonically as alpha grows (always for
 * percentile, for BCa while 1 − â(z0 + z_α) > 0). It is 1 when the rule does not pass at any alpha < 1, and about
 * 1e-15 when it passes at every alpha (a bootstrap distribution wholly on the rule's side); resolution 2⁻⁵⁰. For a
 * change with no variance it is closed-form, the binomial probability of no differing unit (`noVariancePValue`).
 * "Cannot compute" where the rule or the interval cannot (percent rule from a zero baseline, BCa on constant data).
 */
export function computeSignificancePValue(rule: SignificanceRule, evidence: SignificanceEvidence): ScalarResult {
  const margin = toSignificanceMargin(rule);
  if (!margin.ok) return margin;
  const { threshold, side } = margin;
  const sign = side === "greater" ? 1 : -1;
  if (evidence.method === "exact-bound") return { ok: true, value: noVariancePValue(evidence.bound, threshold, side) };
  if (evidence.method === "delong") {
    return {
      ok: true,
      value: normalSf((sign * (evidence.difference - threshold)) / Math.sqrt(evidence.varianceDifference)),
    };
  }
  const passesAt = (alpha: number): boolean | string => {
    const interval = toBootstrapInterval(evidence.distribution, {
      confidence: 1 - alpha,
      alternative: side,
      method: evidence.interval,
    });
    if (!interval.ok) return interval.reason;
    return side === "greater" ? isAtLeast(interval.low, threshold) : isAtMost(interval.high, threshold);
  };
  let low = 0;
  let high = 1;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    const passes = passesAt(middle);
    if (typeof passes === "string") return cannotCompute(passes);
    if (passes) high = middle;
    else low = middle;
  }
  return { ok: true, value: high };
}
