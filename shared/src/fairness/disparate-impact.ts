import type { ScalarResult } from "../stats/stat-result.js";
import { FN, FP, TN, TP } from "./group-cells.js";
import type { FavorableClass } from "./group-rates.js";

/**
 * AIF360's disparate impact, Pr(ŷ = favourable | unprivileged) / Pr(ŷ = favourable | privileged), where the
 * unprivileged rows are every row outside the privileged group (aif360.sklearn.metrics.disparate_impact_ratio with
 * priv_group). `privileged` and `all` are confusion counts (TP, FP, FN, TN). Undefined when either side is empty
 * or the privileged group never receives the favourable outcome.
 */
export function computeDisparateImpact(
  privileged: ArrayLike<number>,
  all: ArrayLike<number>,
  favorable: FavorableClass,
): ScalarResult {
  const favorableOf = (c: ArrayLike<number>) =>
    favorable === 1 ? (c[TP] as number) + (c[FP] as number) : (c[FN] as number) + (c[TN] as number);
  const countOf = (c: ArrayLike<number>) =>
    (c[TP] as number) + (c[FP] as number) + (c[FN] as number) + (c[TN] as number);
  const privilegedCount = countOf(privileged);
  const otherCount = countOf(all) - privilegedCount;
  if (privilegedCount === 0 || otherCount === 0)
    return { ok: false, reason: "it needs rows both inside and outside the privileged group" };
  const privilegedRate = favorableOf(privileged) / privilegedCount;
  if (privilegedRate === 0)
    return {
      ok: false,
      reason: "the privileged group never receives the favourable outcome, so the ratio divides by 0",
    };
  return { ok: true, value: (favorableOf(all) - favorableOf(privileged)) / otherCount / privilegedRate };
}
