import { argsortFloat64 } from "./argsort-float64.js";
import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";

/** True and false positives when every score ≥ each distinct threshold is called positive; thresholds descending. */
export interface BinaryCurveCounts {
  thresholds: Float64Array;
  truePositives: Float64Array;
  falsePositives: Float64Array;
  positives: number;
  negatives: number;
}

/**
 * The cumulative counts behind ROC and precision–recall curves, as scikit-learn's `_binary_clf_curve`: one point per
 * distinct score, from the highest down, counting the examples with score ≥ that threshold.
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1, or non-finite scores.
 */
export function computeBinaryCurveCounts(yTrue: ArrayLike<number>, scores: ArrayLike<number>): BinaryCurveCounts {
  const n = requireSameLength({ yTrue, scores });
  requireBinaryLabels(yTrue, "yTrue");
  requireFinite(scores, "scores");
  const ascending = argsortFloat64(scores);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = n - 1; k >= 0; k--) {
    const i = ascending[k]!;
    if (yTrue[i] === 1) tp++;
    else fp++;
    const next = k > 0 ? scores[ascending[k - 1]!]! : Number.NaN;
    // A threshold closes where the next lower score differs (ties share one point).
    if (next !== scores[i]) {
      thresholds.push(scores[i]!);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Float64Array.from(tps),
    falsePositives: Float64Array.from(fps),
    positives: tp,
    negatives: fp,
  };
}
