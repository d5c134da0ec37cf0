import { requireFinite } from "./require-finite.js";

/**
 * Counts of `values` in the bins between ascending `edges`, as numpy.histogram(values, bins=edges): each bin
 * [eᵢ, eᵢ₊₁) except the last, which also holds its upper edge; values outside [e₀, eₖ] are not counted.
 * @throws {StatsInputError} on non-finite values.
 */
export function computeHistogram(values: ArrayLike<number>, edges: ArrayLike<number>): number[] {
  requireFinite(values, "values");
  const bins = edges.length - 1;
  const counts = new Array<number>(Math.max(0, bins)).fill(0);
  if (bins < 1) return counts;
  const low = edges[0]!;
  const high = edges[bins]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < low || v > high) continue;
    if (v === high) {
      counts[bins - 1]!++;
      continue;
    }
    // The last edge ≤ v, by bisection.
    let lo = 0;
    let hi = bins;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= v) lo = mid;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return counts;
}

/**
 * `computeHistogram` of ascending values: each bin's count from two binary searches (the first value not below each
 * edge), O(bins · log n) instead of a search per value.
 * @throws {StatsInputError} on non-finite values (sorted, they would be at either end).
 */
export function histogramOfSorted(sorted: Float64Array, edges: ArrayLike<number>): number[] {
  if (sorted.length > 0) requireFinite([sorted[0]!, sorted[sorted.length - 1]!], "values");
  const bins = edges.length - 1;
  const counts = new Array<number>(Math.max(0, bins)).fill(0);
  for (let k = 0; k < bins; k++) {
    // The last bin also holds its upper edge: its end is the first value above it.
    const end = k === bins - 1 ? firstAbove(sorted, edges[bins]!) : firstNotBelow(sorted, edges[k + 1]!);
    counts[k] = Math.max(0, end - firstNotBelow(sorted, edges[k]!));
  }
  return counts;
}

/** The index of the first value ≥ x in ascending values (their length when none is). */
function firstNotBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first value > x in ascending values (their length when none is). */
function firstAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts as shares of their total (0 when the total is 0). */
export function toShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  return counts.map((c) => (total === 0 ? 0 : c / total));
}
