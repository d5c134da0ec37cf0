import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireProbabilities } from "./require-probabilities.js";
import { requireSameLength } from "./require-same-length.js";

/** Reliability bins of a model's probabilities: per bin, its examples, positives and mean predicted probability. */
export interface CalibrationBins {
  /** Bin edges, `bins + 1` of them, from 0 to 1. */
  edges: number[];
  counts: number[];
  positives: number[];
  /** Observed positive rate per bin; null where the bin is empty. */
  observed: (number | null)[];
  /** Mean predicted probability per bin; null where the bin is empty. */
  predicted: (number | null)[];
}

/**
 * Equal-width reliability bins as sklearn.calibration.calibration_curve(y_true, y_prob, n_bins, strategy="uniform")
 * in scikit-learn 1.2: edges linspace(0, 1 + 1e-8, n_bins + 1), a probability on an inner edge falls in the lower
 * bin (searchsorted, side "left"); `observed` is its prob_true and `predicted` its prob_pred, with empty bins kept
 * (as null) where scikit-learn drops them. The edges reported are the nominal 0, 0.1, …, 1.
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1 or probabilities outside [0, 1].
 */
export function computeCalibrationBins(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  bins = 10,
): CalibrationBins {
  const n = requireSameLength({ yTrue, probabilities });
  requireBinaryLabels(yTrue, "yTrue");
  requireProbabilities(probabilities, "probabilities");
  const step = (1 + 1e-8) / bins;
  const inner = Array.from({ length: bins - 1 }, (_, i) => (i + 1) * step);
  const counts = new Array<number>(bins).fill(0);
  const positives = new Array<number>(bins).fill(0);
  const sums = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    let bin = 0;
    while (bin < inner.length && inner[bin]! < p) bin++;
    counts[bin]!++;
    positives[bin]! += yTrue[i]!;
    sums[bin]! += p;
  }
  return {
    edges: Array.from({ length: bins + 1 }, (_, i) => i / bins),
    counts,
    positives,
    observed: counts.map((c, i) => (c === 0 ? null : positives[i]! / c)),
    predicted: counts.map((c, i) => (c === 0 ? null : sums[i]! / c)),
  };
}
