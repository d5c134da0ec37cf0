import { averageOverLabels, type Averaging } from "./label-averaging.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";

/**
 * Precision TP/(TP + FP), as sklearn.metrics.precision_score(y_true, y_pred, average=..., pos_label=...); default
 * binary with positive label 1. A label never predicted has no precision: "cannot compute" (sklearn returns 0 and
 * warns).
 * @throws {StatsInputError} on empty or mismatched arrays, non-finite labels, or labels other than 0/1 for "binary".
 */
export function computePrecision(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  averaging: Averaging = { average: "binary" },
): ScalarResult {
  return averageOverLabels(yTrue, yPred, averaging, ({ label, truePositives, predicted }) =>
    predicted === 0
      ? cannotCompute(
          `precision of label ${label} is undefined: no example is predicted as ${label} (scikit-learn reports 0 with an UndefinedMetricWarning).`,
        )
      : { ok: true, value: truePositives / predicted },
  );
}
