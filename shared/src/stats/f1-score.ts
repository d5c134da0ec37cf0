import { averageOverLabels, type Averaging } from "./label-averaging.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";

/**
 * F1 = 2·TP/(2·TP + FP + FN), the harmonic mean of precision and recall, as sklearn.metrics.f1_score(y_true, y_pred,
 * average=..., pos_label=...); default binary with positive label 1. 0 when TP = 0 but the label occurs (as sklearn);
 * "cannot compute" only when the positive label occurs in neither array (sklearn returns 0 and warns).
 * @throws {StatsInputError} on empty or mismatched arrays, non-finite labels, or labels other than 0/1 for "binary".
 */
export function computeF1Score(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  averaging: Averaging = { average: "binary" },
): ScalarResult {
  return averageOverLabels(yTrue, yPred, averaging, ({ label, truePositives, predicted, actual }) =>
    predicted + actual === 0
      ? cannotCompute(
          `F1 of label ${label} is undefined: ${label} occurs in neither the truth nor the predictions (scikit-learn reports 0 with an UndefinedMetricWarning).`,
        )
      : { ok: true, value: (2 * truePositives) / (predicted + actual) },
  );
}
