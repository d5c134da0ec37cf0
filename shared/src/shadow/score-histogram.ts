import { histogramOfSorted, toShares } from "../stats/histogram.js";
import { equalWidthEdges } from "../stats/interpolate-curve.js";

/** Both models' scores on common equal-width bins, each as shares of its compared requests. */
export interface ScoreHistogram {
  edges: number[];
  production_shares: number[];
  shadow_shares: number[];
}

/** Equal-width bins of the score distribution plot. */
export const SCORE_HISTOGRAM_BINS = 10;

/**
 * The score distributions of production and shadow on common bins (numpy.histogram on linspace edges): ten bins over
 * [0, 1] when every score is a probability, else from the smaller minimum to the larger maximum. Sorted, non-empty.
 */
export function computeScoreHistogram(production: Float64Array, shadow: Float64Array): ScoreHistogram {
  let low = Math.min(production[0]!, shadow[0]!);
  let high = Math.max(production[production.length - 1]!, shadow[shadow.length - 1]!);
  if (low >= 0 && high <= 1) [low, high] = [0, 1];
  else if (low === high) [low, high] = [low - 0.5, high + 0.5];
  const edges = equalWidthEdges(low, high, SCORE_HISTOGRAM_BINS);
  return {
    edges: [...edges],
    production_shares: toShares(histogramOfSorted(production, edges)),
    shadow_shares: toShares(histogramOfSorted(shadow, edges)),
  };
}
