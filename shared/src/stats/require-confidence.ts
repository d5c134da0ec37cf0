import { StatsInputError } from "./stats-input-error.js";

/**
 * Checks a confidence level: strictly between 0 and 1 (0.95 for a 95% interval).
 * @throws {StatsInputError} when it is not.
 */
export function requireConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new StatsInputError(
      `Confidence level ${String(confidence)} is outside (0, 1).`,
      "Give the confidence as a fraction, e.g. 0.95 for a 95% interval (alpha 0.05 gives confidence 0.95).",
    );
  }
}
