import { computePlacementValues } from "./placement-values.js";
import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";

/**
 * Area under the ROC curve as the Mann–Whitney probability P(score⁺ > score⁻) + ½·P(tie), from midranks; equals
 * sklearn.metrics.roc_auc_score(y_true, y_score) for binary labels. Scores may be any finite numbers. With only one
 * class present the AUC is undefined (sklearn raises ValueError): "cannot compute".
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1, or non-finite scores.
 */
export function computeRocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>): ScalarResult {
  requireSameLength({ yTrue, scores });
  requireBinaryLabels(yTrue, "yTrue");
  requireFinite(scores, "scores");
  const { negativesBelow, positivesAbove } = computePlacementValues(yTrue, scores);
  const positives = negativesBelow.length;
  const negatives = positivesAbove.length;
  if (positives === 0 || negatives === 0) {
    return cannotCompute(`ROC AUC needs both classes, but every label is ${positives === 0 ? 0 : 1}.`);
  }
  let sum = 0;
  for (const value of negativesBelow) sum += value;
  return { ok: true, value: sum / (positives * negatives) };
}
