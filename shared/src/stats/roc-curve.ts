import { computeBinaryCurveCounts } from "./binary-curve-counts.js";
import { cannotCompute, type StatResult } from "./stat-result.js";

/** A ROC curve from (0, 0) to (1, 1), thresholds descending; the first threshold, above every score, is Infinity. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/**
 * The ROC curve as sklearn.metrics.roc_curve(y_true, y_score, drop_intermediate=False): one point per distinct score
 * plus the (0, 0) start, whose threshold is Infinity (scikit-learn ≥ 1.3; 1.2 wrote max score + 1). Undefined with
 * one class only (a rate over zero examples).
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1, or non-finite scores.
 */
export function computeRocCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): StatResult<RocCurve> {
  const counts = computeBinaryCurveCounts(yTrue, scores);
  if (counts.positives === 0 || counts.negatives === 0)
    return cannotCompute(`A ROC curve needs both classes, but every label is ${counts.positives === 0 ? 0 : 1}.`);
  const m = counts.thresholds.length;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = Number.POSITIVE_INFINITY;
  for (let k = 0; k < m; k++) {
    fpr[k + 1] = counts.falsePositives[k]! / counts.negatives;
    tpr[k + 1] = counts.truePositives[k]! / counts.positives;
    thresholds[k + 1] = counts.thresholds[k]!;
  }
  return { ok: true, fpr, tpr, thresholds };
}
