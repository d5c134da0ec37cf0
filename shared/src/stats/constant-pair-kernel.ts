import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";

/**
 * ROC AUC's pair kernel (1 when the positive scores above the negative, ½ when tied, 0 when below) if it is the same
 * for every positive–negative pair, else undefined: 1 when every positive scores above every negative, 0 when every
 * one scores below, ½ when all scores are equal. Then the AUC is that value and every placement value too, so
 * DeLong's variance of this model's AUC is 0. Undefined also when a class has no example. O(n).
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1 or non-finite scores.
 */
export function constantPairKernel(yTrue: ArrayLike<number>, scores: ArrayLike<number>): 0 | 0.5 | 1 | undefined {
  const n = requireSameLength({ yTrue, scores });
  requireBinaryLabels(yTrue, "yTrue");
  requireFinite(scores, "scores");
  let lowestPositive = Infinity;
  let highestPositive = -Infinity;
  let lowestNegative = Infinity;
  let highestNegative = -Infinity;
  for (let i = 0; i < n; i++) {
    const score = scores[i] as number;
    if (yTrue[i] === 1) {
      lowestPositive = Math.min(lowestPositive, score);
      highestPositive = Math.max(highestPositive, score);
    } else {
      lowestNegative = Math.min(lowestNegative, score);
      highestNegative = Math.max(highestNegative, score);
    }
  }
  if (lowestPositive === Infinity || lowestNegative === Infinity) return undefined;
  if (lowestPositive > highestNegative) return 1;
  if (highestPositive < lowestNegative) return 0;
  if (lowestPositive === highestPositive && lowestNegative === highestNegative && lowestPositive === lowestNegative)
    return 0.5;
  return undefined;
}
