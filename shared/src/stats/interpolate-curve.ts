/** `count` evenly spaced points from 0 to 1 inclusive, as numpy.linspace(0, 1, count). */
export function unitGrid(count: number): Float64Array {
  return equalWidthEdges(0, 1, count - 1);
}

/**
 * The `bins + 1` edges of equal-width bins from `low` to `high`, as numpy.linspace(low, high, bins + 1) computes
 * them (i·step + low, the last edge exactly `high`).
 */
export function equalWidthEdges(low: number, high: number, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const step = (high - low) / bins;
  for (let i = 0; i <= bins; i++) edges[i] = step === 0 ? low + (i / bins) * (high - low) : i * step + low;
  edges[bins] = high;
  return edges;
}

/**
 * A ROC curve's true positive rate at each grid false positive rate, by linear interpolation between its points, as
 * numpy.interp(grid, fpr, tpr): where the curve rises vertically at a grid value, the top of the rise.
 * `fpr` ascending (ties allowed), from 0 to 1.
 */
export function interpolateRocOnGrid(
  fpr: ArrayLike<number>,
  tpr: ArrayLike<number>,
  grid: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(grid.length);
  const last = fpr.length - 1;
  let j = 0;
  for (let g = 0; g < grid.length; g++) {
    const x = grid[g]!;
    // The last point at or left of x (numpy's search: xp[j] <= x < xp[j + 1]).
    while (j < last && fpr[j + 1]! <= x) j++;
    if (j >= last) out[g] = tpr[last]!;
    else if (x < fpr[0]!) out[g] = tpr[0]!;
    else {
      const x0 = fpr[j]!;
      const x1 = fpr[j + 1]!;
      out[g] = x1 === x0 ? tpr[j]! : tpr[j]! + ((tpr[j + 1]! - tpr[j]!) * (x - x0)) / (x1 - x0);
    }
  }
  return out;
}

/**
 * A precision–recall curve's precision at each grid recall r, as a step function: the precision of the first point,
 * in order of decreasing threshold, whose recall is ≥ r (the function whose area is average precision). Points in
 * `computePrecisionRecallCurve`'s order (recall descending, ending at recall 0, precision 1).
 */
export function stepPrecisionOnGrid(
  precision: ArrayLike<number>,
  recall: ArrayLike<number>,
  grid: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(grid.length);
  for (let g = 0; g < grid.length; g++) {
    const r = grid[g]!;
    let value = precision[0]!;
    for (let k = recall.length - 1; k >= 0; k--) {
      // Grid values are computed (0.05·i); a recall equal to them up to rounding counts as reaching them.
      if (recall[k]! >= r - 1e-12) {
        value = precision[k]!;
        break;
      }
    }
    out[g] = value;
  }
  return out;
}
