import { FN, FP, TN, TP } from "./group-cells.js";

/** Which predicted class is the outcome good for the person (selection rate, disparate impact): 1 positive, 0 not. */
export type FavorableClass = 0 | 1;

/** The rate names reported per group, in report order. */
export const RATE_NAMES = ["selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"] as const;
export type RateName = (typeof RATE_NAMES)[number];

/** A group's rates; null where the denominator is zero (TPR of a group with no positive label, …). */
export type GroupRates = Record<RateName, number | null> & { count: number };

/** What each rate divides by, for the message that says why it is undefined. */
export const RATE_DENOMINATOR: Record<RateName, string> = {
  selection_rate: "no rows",
  tpr: "no row with the positive label",
  fpr: "no row with the negative label",
  fnr: "no row with the positive label",
  precision: "no positive prediction",
  accuracy: "no rows",
};

function divide(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * Rates of one group from its confusion counts (`counts[offset + TP|FP|FN|TN]`), as fairlearn's selection_rate,
 * true_positive_rate, false_positive_rate, false_negative_rate and sklearn's precision_score/accuracy_score define
 * them; the selection rate is P(prediction = favourable class). Where fairlearn (through sklearn's zero_division
 * and nan_to_num) reports 0 for an empty denominator, the rate here is null: undefined, never a made-up 0.
 */
export function toGroupRates(counts: ArrayLike<number>, favorable: FavorableClass, offset = 0): GroupRates {
  const tp = counts[offset + TP] as number;
  const fp = counts[offset + FP] as number;
  const fn = counts[offset + FN] as number;
  const tn = counts[offset + TN] as number;
  const count = tp + fp + fn + tn;
  const predictedPositive = tp + fp;
  return {
    count,
    selection_rate: divide(favorable === 1 ? predictedPositive : count - predictedPositive, count),
    tpr: divide(tp, tp + fn),
    fpr: divide(fp, fp + tn),
    fnr: divide(fn, tp + fn),
    precision: divide(tp, predictedPositive),
    accuracy: divide(tp + tn, count),
  };
}
