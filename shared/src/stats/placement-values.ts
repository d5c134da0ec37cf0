/** For each example of one class, how many examples of the other class it outranks, ties counting ½. */
export interface PlacementValues {
  /** Per positive (label 1), in input order: negatives scored below it + ½·negatives tied with it. */
  negativesBelow: Float64Array;
  /** Per negative (label 0), in input order: positives scored above it + ½·positives tied with it. */
  positivesAbove: Float64Array;
}

/** First index in `sorted` whose value is ≥ `value` (`strict` false) or > `value` (`strict` true). */
function bound(sorted: Float64Array, value: number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const x = sorted[mid] as number;
    if (x < value || (strict && x === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Placement values (DeLong's structural components times the other class's size): the midrank differences
 * T_Z − T_X of Sun & Xu (2014, IEEE SPL 21(11)), found by binary search in each class's sorted scores, O(n log n).
 * Labels must be 0/1 and scores finite; the callers check.
 */
export function computePlacementValues(labels: ArrayLike<number>, scores: ArrayLike<number>): PlacementValues {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(labels.length - positives);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i] as number;
    else neg[q++] = scores[i] as number;
  }
  const posSorted = pos.slice().sort();
  const negSorted = neg.slice().sort();
  const negativesBelow = pos.map((s) => (bound(negSorted, s, false) + bound(negSorted, s, true)) / 2);
  const positivesAbove = neg.map((s) => positives - (bound(posSorted, s, false) + bound(posSorted, s, true)) / 2);
  return { negativesBelow, positivesAbove };
}
