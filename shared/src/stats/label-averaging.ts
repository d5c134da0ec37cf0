import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { cannotCompute, type ScalarResult } from "./stat-result.js";

/**
 * How per-label scores are combined, as sklearn's `average`: "binary" scores the positive label only (labels must be
 * 0/1; `positiveLabel` defaults to 1, sklearn's pos_label); "macro" takes the unweighted mean over every label seen
 * in either array, in ascending order (sklearn's unique_labels).
 */
export type Averaging = { average: "binary"; positiveLabel?: 0 | 1 } | { average: "macro" };

/** The counts a per-label precision, recall or F1 is made of. */
export interface LabelCounts {
  label: number;
  /** Examples whose true and predicted label are both `label`. */
  truePositives: number;
  /** Examples predicted as `label`. */
  predicted: number;
  /** Examples whose true label is `label`. */
  actual: number;
}

function countLabels(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Map<number, LabelCounts> {
  const counts = new Map<number, LabelCounts>();
  const entry = (label: number): LabelCounts => {
    let found = counts.get(label);
    if (!found) counts.set(label, (found = { label, truePositives: 0, predicted: 0, actual: 0 }));
    return found;
  };
  for (let i = 0; i < yTrue.length; i++) {
    const truth = yTrue[i] as number;
    const prediction = yPred[i] as number;
    entry(truth).actual++;
    entry(prediction).predicted++;
    if (truth === prediction) entry(truth).truePositives++;
  }
  return counts;
}

/**
 * Scores each label with `score` and averages as `averaging` says; the first undefined per-label score makes the
 * whole result "cannot compute" with its reason (sklearn would count it as 0 and warn: zero_division="warn").
 * @throws {StatsInputError} on empty or mismatched arrays, non-finite labels, or labels other than 0/1 for "binary".
 */
export function averageOverLabels(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  averaging: Averaging,
  score: (counts: LabelCounts) => ScalarResult,
): ScalarResult {
  requireSameLength({ yTrue, yPred });
  requireFinite(yTrue, "yTrue");
  requireFinite(yPred, "yPred");
  if (averaging.average === "binary") {
    requireBinaryLabels(yTrue, "yTrue");
    requireBinaryLabels(yPred, "yPred");
    const label = averaging.positiveLabel ?? 1;
    return score(countLabels(yTrue, yPred).get(label) ?? { label, truePositives: 0, predicted: 0, actual: 0 });
  }
  const labels = [...countLabels(yTrue, yPred).values()].sort((a, b) => a.label - b.label);
  let sum = 0;
  for (const counts of labels) {
    const result = score(counts);
    if (!result.ok) return cannotCompute(`Macro average undefined: ${result.reason}`);
    sum += result.value;
  }
  return { ok: true, value: sum / labels.length };
}
