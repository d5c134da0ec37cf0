import { adjustBonferroni, adjustHolm, holmStepDown } from "./multiple-testing.js";

/** `multiple-testing:` of a gate (evaluate: and fairness:, contract §3); Holm is the default with more than one significance rule. */
export type MultipleTesting = "holm" | "bonferroni";

export interface AdjustedAlpha {
  /** The level this check's one-sided (1 − alpha) interval is read at. */
  alpha: number;
  p_value: number;
  /** Holm's or Bonferroni's adjusted p-value; the check passes at the family level iff it is ≤ the family alpha. */
  p_value_adjusted: number;
}

/**
 * Per-check levels that hold the family-wise error rate at `familyAlpha`, in input order. Bonferroni: alpha/m for
 * every check, p adjusted as min(1, m·p). Holm (1979) step-down (`holmStepDown`, `adjustHolm`): the i-th smallest
 * p-value is held to alpha/(m − i + 1) until the first that misses its level; that check and every later one (larger
 * p) are held to the stopping level, which their p-values already exceed, so "passes at its alpha" equals Holm's
 * rejection and equals p_value_adjusted ≤ familyAlpha. With one check both are alpha itself.
 * @throws {StatsInputError} when a p-value is outside [0, 1] or familyAlpha is outside (0, 1).
 */
export function toAdjustedAlphas(
  pValues: readonly number[],
  options: { familyAlpha: number; method: MultipleTesting },
): AdjustedAlpha[] {
  const { familyAlpha, method } = options;
  // Also validates the p-values and familyAlpha for Bonferroni.
  const decisions = holmStepDown(pValues, familyAlpha);
  if (method === "bonferroni") {
    const adjusted = adjustBonferroni(pValues);
    return pValues.map((p, i) => ({
      alpha: familyAlpha / pValues.length,
      p_value: p,
      p_value_adjusted: adjusted[i] as number,
    }));
  }
  const adjusted = adjustHolm(pValues);
  let stoppingAlpha = Infinity;
  for (const decision of decisions) if (!decision.rejected) stoppingAlpha = Math.min(stoppingAlpha, decision.alpha);
  return pValues.map((p, i) => {
    const decision = decisions[i] as { alpha: number; rejected: boolean };
    return {
      alpha: decision.rejected ? decision.alpha : stoppingAlpha,
      p_value: p,
      p_value_adjusted: adjusted[i] as number,
    };
  });
}

/** A check's level and p-values; no adjusted p-value when the gate adjusts nothing. */
export interface SignificanceLevel {
  alpha: number;
  p_value: number;
  p_value_adjusted?: number | undefined;
}

/**
 * Each check's level, in input order: with `method: none`, its own `significance:` alpha and raw p-value; otherwise
 * the family's levels (`toAdjustedAlphas`). Shared by every gate that decides rules on intervals.
 */
export function toSignificanceLevels(
  pValues: readonly number[],
  ownAlphas: readonly number[],
  options: { familyAlpha: number; method: MultipleTesting | "none" },
): SignificanceLevel[] {
  const { familyAlpha, method } = options;
  if (method !== "none") return toAdjustedAlphas(pValues, { familyAlpha, method });
  return pValues.map((p, i) => ({ alpha: ownAlphas[i] as number, p_value: p, p_value_adjusted: undefined }));
}
