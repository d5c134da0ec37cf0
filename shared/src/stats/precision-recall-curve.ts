import { computeBinaryCurveCounts } from "./binary-curve-counts.js";
import { cannotCompute, type StatResult } from "./stat-result.js";

/** A precision–recall curve in scikit-learn's order: thresholds ascending, then the (recall 0, precision 1) end. */
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  /** One fewer than the points: the end point has no threshold. */
  thresholds: Float64Array;
  /** Σ (Rₙ − Rₙ₋₁)·Pₙ over the points in order of decreasing threshold: sklearn's average_precision_score. */
  averagePrecision: number;
}

/**
 * The precision–recall curve as sklearn.metrics.precision_recall_curve(y_true, probas_pred) (scikit-learn 1.2: one
 * point per distinct score, precision tp / (tp + fp), recall tp / P, ascending thresholds, then recall 0 with
 * precision 1), and average precision as average_precision_score: the area under that curve as a step function.
 * Undefined without a positive example (recall divides by zero).
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1, or non-finite scores.
 */
export function computePrecisionRecallCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
): StatResult<PrecisionRecallCurve> {
  const counts = computeBinaryCurveCounts(yTrue, scores);
  if (counts.positives === 0)
    return cannotCompute("A precision–recall curve needs a positive example, but every label is 0.");
  const m = counts.thresholds.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thresholds = new Float64Array(m);
  let averagePrecision = 0;
  let previousRecall = 0;
  for (let k = 0; k < m; k++) {
    const tp = counts.truePositives[k]!;
    const p = tp / (tp + counts.falsePositives[k]!);
    const r = tp / counts.positives;
    averagePrecision += (r - previousRecall) * p;
    previousRecall = r;
    // Stored reversed: scikit-learn lists the lowest threshold first.
    precision[m - 1 - k] = p;
    recall[m - 1 - k] = r;
    thresholds[m - 1 - k] = counts.thresholds[k]!;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { ok: true, precision, recall, thresholds, averagePrecision };
}
