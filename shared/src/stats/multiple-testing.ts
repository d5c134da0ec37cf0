import { StatsInputError } from "./stats-input-error.js";

function checkedPValues(pValues: ArrayLike<number>): number[] {
  const values = Array.from(pValues);
  values.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new StatsInputError(`p-value [${i}] is ${String(p)}; p-values must lie in [0, 1].`);
  });
  return values;
}

/** Indices that sort the p-values ascending; stable, so tied p-values keep their input order (numpy kind="stable"). */
function ascendingOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}

/**
 * Bonferroni-adjusted p-values min(1, m·p), in input order; as statsmodels multipletests(method="bonferroni").
 * @throws {StatsInputError} when a p-value is NaN or outside [0, 1].
 */
export function adjustBonferroni(pValues: ArrayLike<number>): number[] {
  const values = checkedPValues(pValues);
  return values.map((p) => Math.min(1, p * values.length));
}

/**
 * Holm's step-down adjusted p-values, in input order: adj₍ᵢ₎ = min(1, max_{j≤i} (m − j + 1)·p₍ⱼ₎) over the ascending
 * p-values; as statsmodels multipletests(method="holm") and R's p.adjust(method = "holm").
 * @throws {StatsInputError} when a p-value is NaN or outside [0, 1].
 */
export function adjustHolm(pValues: ArrayLike<number>): number[] {
  const values = checkedPValues(pValues);
  const m = values.length;
  const adjusted = new Array<number>(m);
  let running = 0;
  ascendingOrder(values).forEach((index, rank) => {
    running = Math.max(running, (m - rank) * (values[index] as number));
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}

/**
 * Benjamini–Hochberg step-up adjusted p-values (FDR), in input order: adj₍ᵢ₎ = min(1, min_{j≥i} m·p₍ⱼ₎/j); as
 * statsmodels multipletests(method="fdr_bh") and scipy.stats.false_discovery_control(method="bh") (SciPy ≥ 1.11).
 * @throws {StatsInputError} when a p-value is NaN or outside [0, 1].
 */
export function adjustBenjaminiHochberg(pValues: ArrayLike<number>): number[] {
  const values = checkedPValues(pValues);
  const m = values.length;
  const order = ascendingOrder(values);
  const adjusted = new Array<number>(m);
  let running = Infinity;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank] as number;
    running = Math.min(running, ((values[index] as number) * m) / (rank + 1));
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}

/** Holm's procedure at a family-wise level, per test in input order. */
export interface HolmDecision {
  /** The level this test is held to: α/(m − rank), rank 0 for the smallest p-value (ties in input order). */
  alpha: number;
  /** True when this and every smaller p-value met its level (step-down: the first failure stops all later ones). */
  rejected: boolean;
}

/**
 * Holm's (1979) step-down procedure: sort the p-values ascending, compare the i-th smallest with α/(m − i + 1), and
 * stop rejecting at the first that fails. `rejected` equals `adjustHolm(p) ≤ α`; `alpha` is the adjusted level to
 * use for that test's one-sided (1 − alpha) confidence interval.
 * @throws {StatsInputError} when a p-value is outside [0, 1] or α is outside (0, 1).
 */
export function holmStepDown(pValues: ArrayLike<number>, familyAlpha: number): HolmDecision[] {
  if (!(familyAlpha > 0 && familyAlpha < 1)) {
    throw new StatsInputError(`Family-wise alpha ${String(familyAlpha)} is outside (0, 1).`);
  }
  const values = checkedPValues(pValues);
  const m = values.length;
  const decisions = new Array<HolmDecision>(m);
  let stillRejecting = true;
  ascendingOrder(values).forEach((index, rank) => {
    const alpha = familyAlpha / (m - rank);
    // (m − rank)·p ≤ α rather than p ≤ α/(m − rank): the same rounding as adjustHolm, so the two always agree.
    stillRejecting = stillRejecting && (m - rank) * (values[index] as number) <= familyAlpha;
    decisions[index] = { alpha, rejected: stillRejecting };
  });
  return decisions;
}
