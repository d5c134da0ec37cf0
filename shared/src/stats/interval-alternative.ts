import { requireConfidence } from "./require-confidence.js";

/**
 * Which interval to report, as scipy.stats.bootstrap's `alternative` (SciPy ≥ 1.11): "two-sided" gives [low, high];
 * "less" gives (−∞, high], the one-sided bound for "the true value is less than ..."; "greater" gives [low, +∞).
 */
export type Alternative = "two-sided" | "less" | "greater";

export interface IntervalOptions {
  /** Coverage of the interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** Default "two-sided". */
  alternative?: Alternative;
}

/** An interval's limits; the unbounded side of a one-sided interval is −∞ or +∞, as SciPy returns it. */
export interface IntervalLimits {
  low: number;
  high: number;
}

/**
 * The probability left outside each computed limit, as scipy.stats.bootstrap computes `alpha`: (1 − confidence)/2
 * for "two-sided", 1 − confidence for a one-sided interval (one limit at the full 1 − confidence).
 * @throws {StatsInputError} when the confidence is not strictly between 0 and 1.
 */
export function tailProbability(confidence: number, alternative: Alternative): number {
  requireConfidence(confidence);
  return alternative === "two-sided" ? (1 - confidence) / 2 : 1 - confidence;
}
