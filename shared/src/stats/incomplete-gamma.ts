import { logGamma } from "./log-gamma.js";

const EPSILON = 1e-16;
const MAX_ITERATIONS = 10_000;
const TINY = 1e-300;

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), a > 0, x ≥ 0, computed directly (never as 1 − P when
 * Q is the small one, which would lose all relative precision in the tail): the power series for P when x < a + 1,
 * Lentz's continued fraction for Q otherwise (Numerical Recipes §6.2). Relative error about 1e-13 or better where
 * the value is a normal double.
 */
export function regularizedUpperGamma(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) return 1 - seriesP(a, x, logPrefactor);
  return continuedFractionQ(a, x, logPrefactor);
}

/** Regularized lower incomplete gamma P(a, x) = 1 − Q(a, x), computed directly on its side. */
export function regularizedLowerGamma(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) return seriesP(a, x, logPrefactor);
  return 1 - continuedFractionQ(a, x, logPrefactor);
}

function seriesP(a: number, x: number, logPrefactor: number): number {
  let term = 1 / a;
  let sum = term;
  let ap = a;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(logPrefactor);
}

function continuedFractionQ(a: number, x: number, logPrefactor: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logPrefactor) * h;
}
