import { requireSameLength } from "./require-same-length.js";

/**
 * Per-example changes that differ by no more than this times the per-example values' magnitude are one constant
 * change: floating-point rounding (0.9² − 0.8² is not bit-equal to 0.2² − 0.1²) is not variance.
 */
export const CONSTANT_CHANGE_TOLERANCE = 1e-12;

/**
 * The change candidate − baseline when it is the same on every example (within `CONSTANT_CHANGE_TOLERANCE` of the
 * largest |per-example value|), as their mean; undefined when the changes vary. Zero on every example is the
 * unchanged model's case (0 discordant pairs for accuracy).
 * @throws {StatsInputError} on empty or mismatched arrays.
 */
export function findConstantDifference(candidate: ArrayLike<number>, baseline: ArrayLike<number>): number | undefined {
  const n = requireSameLength({ candidate, baseline });
  let low = Infinity;
  let high = -Infinity;
  let scale = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = candidate[i] as number;
    const b = baseline[i] as number;
    const difference = c - b;
    if (difference < low) low = difference;
    if (difference > high) high = difference;
    scale = Math.max(scale, Math.abs(c), Math.abs(b));
    sum += difference;
  }
  // The mean, kept within the observed changes (a long sum can round outside them).
  return high - low <= CONSTANT_CHANGE_TOLERANCE * scale ? Math.min(high, Math.max(low, sum / n)) : undefined;
}
