import { computeSignificancePValue } from "../stats/compute-significance-p-value.js";
import type { SignificanceEvidence } from "../stats/to-significance-interval.js";
import type { SignificanceRule } from "../stats/to-significance-margin.js";
import { toAdjustedAlphas, type AdjustedAlpha, type MultipleTesting } from "../stats/to-adjusted-alphas.js";

/** One significance check of a gate, before its interval is read: the rule and what it is decided from. */
export interface SignificanceCheckEvidence {
  rule: SignificanceRule;
  evidence: SignificanceEvidence;
}

/** The level to read one check's interval at; `ok: false` when its p-value cannot be computed. */
export type AdjustedSignificance = (AdjustedAlpha & { ok: true }) | (AdjustedAlpha & { ok: false; reason: string });

/**
 * Adjusts the alphas of a gate's significance checks for multiple testing (contract §3), in input order: each check's
 * p-value is its rule's one-sided p-value, the smallest alpha at which its interval would pass
 * (`computeSignificancePValue`: closed form for DeLong, bisection on the stored bootstrap distribution), then
 * `toAdjustedAlphas` applies Bonferroni or Holm. A check whose p-value cannot be computed counts as p = 1: it still
 * counts in m (so the others are not held to a laxer level) and ranks last; its own decision fails with the reason.
 * @throws {StatsInputError} when familyAlpha is outside (0, 1).
 */
export function adjustSignificanceAlphas(
  checks: readonly SignificanceCheckEvidence[],
  options: { familyAlpha: number; method: MultipleTesting },
): AdjustedSignificance[] {
  const pValues = checks.map((check) => computeSignificancePValue(check.rule, check.evidence));
  const adjusted = toAdjustedAlphas(
    pValues.map((p) => (p.ok ? p.value : 1)),
    options,
  );
  return adjusted.map((levels, i) => {
    const p = pValues[i];
    return p === undefined || p.ok ? { ok: true, ...levels } : { ok: false, reason: p.reason, ...levels };
  });
}
