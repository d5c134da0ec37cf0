import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireSameLength } from "./require-same-length.js";

/** Counts of a binary confusion matrix (1 = the positive label). */
export interface ConfusionCounts {
  trueNegatives: number;
  falsePositives: number;
  falseNegatives: number;
  truePositives: number;
}

/**
 * The binary confusion matrix as sklearn.metrics.confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel():
 * tn, fp, fn, tp.
 * @throws {StatsInputError} on empty or mismatched arrays, or labels other than 0/1.
 */
export function computeConfusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): ConfusionCounts {
  const n = requireSameLength({ yTrue, yPred });
  requireBinaryLabels(yTrue, "yTrue");
  requireBinaryLabels(yPred, "yPred");
  const cells = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) cells[2 * yTrue[i]! + yPred[i]!]!++;
  const [trueNegatives = 0, falsePositives = 0, falseNegatives = 0, truePositives = 0] = cells;
  return { trueNegatives, falsePositives, falseNegatives, truePositives };
}
