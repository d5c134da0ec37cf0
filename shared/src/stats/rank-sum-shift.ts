/** The rank sum of x − shift among (x − shift) ∪ y, with average ranks for ties, and the tie term Σ(t³ − t). */
export interface ShiftedRankSum {
  /** Σ ranks of the shifted x values (1-based, ties averaged), R's `sum(rank(c(x - d, y))[seq_along(x)])`. */
  rankSum: number;
  /** Σ over groups of tied values of t³ − t, R's `sum(NTIES^3 - NTIES)`. */
  ties: number;
}

/**
 * Ranks x − shift and y together in one merge of the two ascending arrays, O(nx + ny), instead of R's
 * sort of the combined vector: x − shift is computed exactly as R computes `x - d`, and subtracting a constant keeps
 * the order, so ties and ranks come out the same. Callers pass ascending, NaN-free arrays.
 */
export function computeShiftedRankSum(xSorted: Float64Array, ySorted: Float64Array, shift: number): ShiftedRankSum {
  const nx = xSorted.length;
  const ny = ySorted.length;
  let i = 0;
  let j = 0;
  let position = 0;
  let rankSum = 0;
  let ties = 0;
  while (i < nx || j < ny) {
    const xValue = i < nx ? (xSorted[i] as number) - shift : Infinity;
    const yValue = j < ny ? (ySorted[j] as number) : Infinity;
    const value = xValue <= yValue ? xValue : yValue;
    let cx = 0;
    while (i < nx && (xSorted[i] as number) - shift === value) {
      cx++;
      i++;
    }
    let cy = 0;
    while (j < ny && ySorted[j] === value) {
      cy++;
      j++;
    }
    const t = cx + cy;
    // Ranks position+1 … position+t share their average.
    rankSum += cx * (position + (t + 1) / 2);
    if (t > 1) ties += t * t * t - t;
    position += t;
  }
  return { rankSum, ties };
}
