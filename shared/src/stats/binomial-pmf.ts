import { requireCount } from "./require-count.js";
import { StatsInputError } from "./stats-input-error.js";

/** δ(n) = ln n! − (n + ½) ln n + n − ½ ln 2π for n = 0…15, computed with mpmath at 40 digits (δ(0) is unused). */
const STIRLING_ERROR_SMALL = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];
// Stirling series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹).
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** Error of Stirling's approximation to ln n! for a whole n: fewer series terms as n grows. */
function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR_SMALL[n] as number;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * Deviance x·ln(x/m) + m − x, by its series when x ≈ m, where the closed form cancels; log1p of (x − m)/m loses less
 * than log of x/m (3e-15 instead of 2e-14 relative for the oracle's McNemar pmf).
 */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log1p((x - m) / m) + m - x;
}

/**
 * Binomial probability P(X = k) for X ~ Binomial(n, p), as scipy.stats.binom.pmf, by C. Loader's saddle-point form
 * ("Fast and accurate computation of binomial probabilities", 2000), which keeps its accuracy for large n where
 * log-gamma differences lose digits: within 1e-13 relative of 50-digit values up to n = 10⁶ (the rounding of n·p
 * dominates; SciPy 1.10's boost-based pmf is within 2e-12 there).
 * @throws {StatsInputError} when k or n is not a whole number ≥ 0 or p is outside [0, 1].
 */
export function binomialPmf(k: number, n: number, p: number): number {
  requireCount(n, "Binomial trials n");
  if (!Number.isSafeInteger(k)) throw new StatsInputError(`Binomial count k is ${String(k)}; expected a whole number.`);
  if (!(p >= 0 && p <= 1)) throw new StatsInputError(`Binomial probability ${String(p)} is outside [0, 1].`);
  if (k < 0 || k > n) return 0;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) return Math.exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q));
  if (k === n) return Math.exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p));
  const logCore =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  const logScale = Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(logCore - 0.5 * logScale);
}
