import { argsortFloat64 } from "./argsort-float64.js";
import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";

/** Whether two score vectors compare every positive–negative pair the same way, and the class sizes. */
export interface PairOrdering {
  alike: boolean;
  positives: number;
  negatives: number;
}

/** Number of values in the ascending `sorted` that are < `value` (`orEqual` false) or ≤ `value` (`orEqual` true). */
function countBelow(sorted: Float64Array, value: number, orEqual: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const x = sorted[mid] as number;
    if (x < value || (orEqual && x === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether the baseline's and the candidate's scores put every (positive, negative) pair in the same order — above,
 * tied or below — so that ROC AUC's pair kernel (1, ½, 0) is the same for every pair and the AUC change is exactly 0
 * with no variance (DeLong's Var(Δ) = 0). True for identical scores and any strictly increasing transform of them.
 * Exact, in O(n log n): for each positive, the set of negatives scored below it (and at or below it) must be the same
 * under both scores. Each such set is a prefix of the negatives in baseline order; it equals the candidate's set of
 * the same size exactly when every negative in the prefix has a candidate rank (the end of its tie block) within it.
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1 or non-finite scores.
 */
export function comparePairOrdering(
  yTrue: ArrayLike<number>,
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
): PairOrdering {
  const n = requireSameLength({ yTrue, baseline, candidate });
  requireBinaryLabels(yTrue, "yTrue");
  requireFinite(baseline, "baseline");
  requireFinite(candidate, "candidate");
  const negativeRows: number[] = [];
  const positiveRows: number[] = [];
  for (let i = 0; i < n; i++) (yTrue[i] === 1 ? positiveRows : negativeRows).push(i);
  const negativesBaseline = Float64Array.from(negativeRows, (i) => baseline[i] as number);
  const negativesCandidate = Float64Array.from(negativeRows, (i) => candidate[i] as number);
  const baselineSorted = negativesBaseline.slice().sort();
  const candidateSorted = negativesCandidate.slice().sort();
  // Negatives in baseline order; for each, the number of negatives the candidate scores at or below it.
  const byBaseline = argsortFloat64(negativesBaseline);
  const prefixMaxRank = new Float64Array(negativeRows.length + 1);
  byBaseline.forEach((k, position) => {
    const rank = countBelow(candidateSorted, negativesCandidate[k] as number, true);
    prefixMaxRank[position + 1] = Math.max(prefixMaxRank[position] as number, rank);
  });
  const sameSet = (score: number, candidateScore: number, orEqual: boolean): boolean => {
    const size = countBelow(baselineSorted, score, orEqual);
    return size === countBelow(candidateSorted, candidateScore, orEqual) && (prefixMaxRank[size] as number) <= size;
  };
  const alike = positiveRows.every(
    (i) =>
      sameSet(baseline[i] as number, candidate[i] as number, false) &&
      sameSet(baseline[i] as number, candidate[i] as number, true),
  );
  return { alike, positives: positiveRows.length, negatives: negativeRows.length };
}
