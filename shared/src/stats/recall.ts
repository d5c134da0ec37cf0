import { averageOverLabels, type Averaging } from "./label-averaging.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";

/**
 * Recall TP/(TP + FN), as sklearn.metrics.recall_score(y_true, y_pred, average=..., pos_label=...); default binary
 * with positive label 1. A label absent from y_true has no recall: "cannot compute" (sklearn returns 0 and warns).
 * @throws {StatsInputError} on empty or mismatched arrays, non-finite labels, or labels other than 0/1 for "binary".
 */
export function computeRecall(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  averaging: Averaging = { average: "binary" },
): ScalarResult {
  return averageOverLabels(yTrue, yPred, averaging, ({ label, truePositives, actual }) =>
    actual === 0
      ? cannotCompute(
          `recall of label ${label} is undefined: no example has true label ${label} (scikit-learn reports 0 with an UndefinedMetricWarning).`,
        )
      : { ok: true, value: truePositives / actual },
  );
}
