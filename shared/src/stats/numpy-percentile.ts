/**
 * The `percent`-th percentile of ascending values, as numpy.percentile(a, percent) with the default method "linear"
 * (Hyndman & Fan type 7) in NumPy 1.24: q = percent/100, index = (n − 1)·q, and NumPy's `_lerp`, which interpolates
 * from the upper neighbour when the fraction is ≥ ½ (b − (b − a)(1 − t)), so results match to the last bit.
 * Callers pass sorted, non-empty, NaN-free values and a percent in [0, 100].
 */
export function percentileOfSorted(sorted: ArrayLike<number>, percent: number): number {
  return quantileOfSorted(sorted, percent / 100);
}

/**
 * The q-th quantile (q in [0, 1]) of ascending values, as numpy.quantile(a, q) with the default method "linear":
 * index = (n − 1)·q and NumPy's `_lerp`, as `percentileOfSorted` (which calls it with percent/100).
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const last = sorted.length - 1;
  const index = last * q;
  if (index >= last) return sorted[last] as number;
  if (index <= 0) return sorted[0] as number;
  const below = Math.floor(index);
  const t = index - below;
  const a = sorted[below] as number;
  const b = sorted[below + 1] as number;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}
