const LOG_DBL_MIN = -708.3964185322641; // log(2^-1022), cephes MINLOG

/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D⁺ₙ, P(D⁺ₙ ≥ x), as
 * scipy.special.smirnov(n, x): the exact Smirnov–Birnbaum–Tingey sum
 *   P = x·Σ_{v=0}^{⌊n(1−x)⌋} C(n, v)·(1 − x − v/n)^{n−v}·(x + v/n)^{v−1},
 * whose terms are all positive (no cancellation), each evaluated in log space, stopped as SciPy stops when the rest
 * cannot change the sum. SciPy's closed forms for x ≤ 1/n and x ≥ 1 − 1/n and its approximation above n = 10⁶ are
 * kept. SciPy evaluates the sum in double-double arithmetic; this plain-double sum agrees to about 1e-10 relative,
 * far inside the 1e-6 absolute p-value tolerance.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0) || !(x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  let nxFloor = Math.floor(nx);
  let alpha = nx - nxFloor;
  if (alpha >= 1) {
    nxFloor += 1;
    alpha = 0;
  }
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) return clip(1 - x * Math.pow(1 + x, n - 1));
  if (-2 * n * x * x < LOG_DBL_MIN) return 0;
  if (nxFloor >= n - 1) return clip(Math.pow(1 - x, n));
  if (n > 1_000_000) {
    const logP = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return clip(logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP));
  }
  // v runs to ⌊n(1 − x)⌋, excluding the vanishing term v = n(1 − x) when n·x is whole: n − ⌊nx⌋ terms either way.
  const nTerms = n - nxFloor;
  const logX = Math.log(x);
  let logBinomial = 0; // log C(n, v)
  let sum = 0;
  for (let v = 0; v < nTerms; v++) {
    const base = (n - v) / n - x;
    const logTerm = logBinomial + (n - v) * Math.log(base) + (v === 0 ? -logX : (v - 1) * Math.log(x + v / n));
    const term = Math.exp(logTerm);
    sum += term;
    if (term !== 0) {
      if (4 * (nTerms - v) * term < Number.EPSILON * sum && v !== nTerms - 1) break;
    } else if (v > n / 2) {
      break;
    }
    logBinomial += Math.log((n - v) / (v + 1));
  }
  return clip(x * sum);
}

function clip(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}
