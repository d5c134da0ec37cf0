import { CONSTANT_CHANGE_TOLERANCE } from "./find-constant-difference.js";
import { requireConfidence } from "./require-confidence.js";
import { requireSameLength } from "./require-same-length.js";

/**
 * The number of units whose change candidate − baseline is not 0: for accuracy the discordant examples, McNemar's
 * b + c. A change within `CONSTANT_CHANGE_TOLERANCE` of the largest |per-example value| is rounding, not a change.
 * @throws {StatsInputError} on empty or mismatched arrays.
 */
export function countChangedUnits(candidate: ArrayLike<number>, baseline: ArrayLike<number>): number {
  const n = requireSameLength({ candidate, baseline });
  let scale = 0;
  for (let i = 0; i < n; i++)
    scale = Math.max(scale, Math.abs(candidate[i] as number), Math.abs(baseline[i] as number));
  const tolerance = CONSTANT_CHANGE_TOLERANCE * scale;
  let changed = 0;
  for (let i = 0; i < n; i++) if (Math.abs((candidate[i] as number) - (baseline[i] as number)) > tolerance) changed++;
  return changed;
}

/**
 * The fewest changed units with which an exact paired test can show a direction at level alpha: the smallest k
 * with ½^k ≤ alpha, ⌈log₂(1/alpha)⌉ (5 at 0.05, 7 at 0.01). The paired randomization test flips the signs of the
 * k changes (2^k equally likely outcomes under "no difference"), so its one-sided p is at least ½^k, reached when
 * all k go one way; for accuracy it is the sign test on the discordant examples, McNemar's exact test,
 * scipy.stats.binomtest(k, k, 0.5, alternative="greater").pvalue = ½^k. With fewer changes no direction can be
 * shown at alpha however they fall, and a resampling interval that claims one is anti-conservative.
 * @throws {StatsInputError} when alpha is outside (0, 1).
 */
export function fewestChangesForDirection(alpha: number): number {
  requireConfidence(1 - alpha);
  let k = 1;
  while (0.5 ** k > alpha) k++;
  return k;
}
