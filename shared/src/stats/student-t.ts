import { logGamma } from "./log-gamma.js";
import { StatsInputError } from "./stats-input-error.js";

const MAX_ITERATIONS = 100_000;
const EPSILON = 1e-16;
const TINY = 1e-300;

/**
 * Continued fraction of the regularized incomplete beta function by the modified Lentz method (Numerical Recipes
 * §6.4, `betacf`), converging for x < (a + 1)/(a + b + 2).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b) for a, b > 0 and x in [0, 1], as scipy.special.betainc: the continued
 * fraction on whichever of I_x(a, b) and 1 − I_{1−x}(b, a) converges fast.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * Survival function P(T > t) of Student's t with `df` degrees of freedom, as scipy.stats.t.sf: ½·I_{ν/(ν+t²)}(ν/2, ½)
 * for t ≥ 0 and its complement below; ±∞ give 0 and 1.
 * @throws {StatsInputError} when t is NaN or df is not a positive number.
 */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t)) throw new StatsInputError("t is NaN; Student's t distribution needs a number.");
  if (!(df > 0) || !Number.isFinite(df))
    throw new StatsInputError(`Degrees of freedom ${String(df)}; expected a positive number.`);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}
