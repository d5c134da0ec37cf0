import { DriftInputError } from "./drift-input-error.js";
import { quantileOfSorted } from "./numpy-percentile.js";
import { sortedSample } from "./sorted-sample.js";

/** Which side of a bin includes its edge: `left` = [a, b) (the default), `right` = (a, b]. */
export type BinClosure = "left" | "right";

/**
 * Interior bin edges at the reference's quantiles (equal-depth bins, "deciles of the reference" for bins = 10):
 * edge_i = numpy.quantile(reference, i·(1/bins)) (method "linear", q as numpy.linspace computes it) for
 * i = 1 … bins − 1, ascending, duplicates merged (ties in the reference can merge bins: fewer than `bins` bins then).
 * The outer bins are open-ended, so every current value, even beyond the reference's range, falls in a bin:
 * there are `edges.length + 1` bins. Unlike Evidently, whose numeric PSI bins the pooled sample by Sturges' rule,
 * these are the reference's quantiles (the definition of the PSI literature and of our SciPy oracle).
 * @throws {DriftInputError} on an empty reference, NaN or infinities, or bins that is not a whole number ≥ 1.
 */
export function quantileBinEdges(reference: ArrayLike<number> | Float64Array, bins = 10): number[] {
  requireBinCount(bins);
  return quantileBinEdgesOfSorted(sortedSample(reference, "reference"), bins);
}

/** `quantileBinEdges` of a reference already sorted ascending, non-empty and checked finite (`sortedSample`). */
export function quantileBinEdgesOfSorted(sorted: Float64Array, bins = 10): number[] {
  requireBinCount(bins);
  if (sorted.length === 0) throw new DriftInputError("The reference sample is empty; it needs at least one value.");
  const step = 1 / bins;
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = quantileOfSorted(sorted, i * step);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/**
 * Counts of values per bin of the interior `edges` (ascending, from `quantileBinEdges`): bin 0 is (−∞, e₀),
 * bin k is [e_{k−1}, e_k), the last [e_last, +∞) with the default closure `left` (numpy.searchsorted side="right");
 * with `right`, (−∞, e₀], (e_{k−1}, e_k], (e_last, +∞). O(n log bins).
 * @throws {DriftInputError} on NaN or infinite values or edges that are not strictly ascending.
 */
export function binCounts(values: ArrayLike<number>, edges: readonly number[], closed: BinClosure = "left"): number[] {
  requireAscendingEdges(edges);
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) {
      throw new DriftInputError(`Value ${i} is ${String(value)}; expected a finite number to bin.`);
    }
    // first edge index whose edge is > value (left-closed) or ≥ value (right-closed)
    let low = 0;
    let high = edges.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const edge = edges[mid] as number;
      if (closed === "left" ? edge <= value : edge < value) low = mid + 1;
      else high = mid;
    }
    counts[low] = (counts[low] as number) + 1;
  }
  return counts;
}

function requireBinCount(bins: number): void {
  if (!Number.isSafeInteger(bins) || bins < 1) {
    throw new DriftInputError(`The number of bins is ${String(bins)}; expected a whole number of at least 1.`);
  }
}

/**
 * `binCounts` of values already sorted ascending and checked finite (`sortedSample`), by one binary search per edge:
 * O(bins · log n) instead of O(n · log bins).
 * @throws {DriftInputError} on edges that are not strictly ascending.
 */
export function binCountsOfSorted(
  sorted: Float64Array,
  edges: readonly number[],
  closed: BinClosure = "left",
): number[] {
  requireAscendingEdges(edges);
  const counts: number[] = [];
  let below = 0;
  for (const edge of edges) {
    // values in bins before this edge: those < edge (left-closed bins) or ≤ edge (right-closed bins)
    let low = below;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const value = sorted[mid] as number;
      if (closed === "left" ? value < edge : value <= edge) low = mid + 1;
      else high = mid;
    }
    counts.push(low - below);
    below = low;
  }
  counts.push(sorted.length - below);
  return counts;
}

function requireAscendingEdges(edges: readonly number[]): void {
  for (let i = 1; i < edges.length; i++) {
    if (!((edges[i] as number) > (edges[i - 1] as number))) {
      throw new DriftInputError(
        `Bin edge ${i} (${String(edges[i])}) does not exceed edge ${i - 1}; edges must ascend.`,
      );
    }
  }
}
