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

/** Counts as shares of their total (0 when the total is 0). */
export function toShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  return counts.map((c) => (total === 0 ? 0 : c / total));
}
