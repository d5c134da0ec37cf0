/** Contract §3: bounds are inclusive, compared with a relative tolerance of 1e-9. */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * `value <= bound`, forgiving floating-point error relative to the magnitudes that produced the
 * value: 0.90 − 0.89 = 0.010000000000000009 counts as 0.01 because the operands were ~0.9, and a tie
 * computed as 1e-17 passes a zero bound for the same reason. Infinite operands compare exactly.
 */
export function isAtMost(value: number, bound: number, scale = 0): boolean {
  // An infinite limit (an unbounded interval) is never within a tolerance of a finite bound: ∞·1e-9 is ∞.
  if (!Number.isFinite(value) || !Number.isFinite(bound) || !Number.isFinite(scale)) return value <= bound;
  const tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(value), Math.abs(bound), Math.abs(scale));
  return value <= bound + tolerance;
}

/** `value >= bound` with the same tolerance as `isAtMost`. */
export function isAtLeast(value: number, bound: number, scale = 0): boolean {
  return isAtMost(-value, -bound, scale);
}
