/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, P(D ≥ h/lcm(m, n)) under H₀, by lattice
 * path counting (Hodges 1958), as scipy.stats.ks_2samp(method='exact') computes it:
 * - m = n: Pr = 2·(C(2n, n−h) − C(2n, n−2h) + …)/C(2n, n), each ratio a product of h factors, summed Horner-style;
 * - m ≠ n: the "inside method" recursion written for 1 − P(inside) directly (Viehmann 2021, arXiv:2102.08037) over
 *   a sliding window of one lattice column, values kept as ratios so nothing overflows.
 * `h` is the statistic snapped to the lattice: D·lcm(m, n) rounded. Returns NaN when the result leaves [0, 1]
 * (floating-point trouble), in which case the caller falls back to the asymptotic distribution as SciPy does.
 */
export function ksExactTwoSidedPValue(m: number, n: number, h: number): number {
  if (h === 0) return 1;
  const p = m === n ? probabilityOutsideSquare(n, h) : probabilityOutsideInside(m, n, h);
  return p >= 0 && p <= 1 ? p : Number.NaN;
}

/** Pr(D_{n,n} ≥ h/n) = 2·A₀(1 − A₁(1 − A₂(1 − …))), Aₖ = C(2n, n−(k+1)h)/C(2n, n−kh) as a product of h ratios. */
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

/** 1 − (paths with |x/m − y/n| < h/lcm)/C(m+n, n), column by column (m ≥ n after swapping). */
function probabilityOutsideInside(first: number, second: number, h: number): number {
  const m = Math.max(first, second);
  const n = Math.min(first, second);
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const a = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  a.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = ((a[jj + minj - lastminj] as number) * i + value * j) / (i + j);
      a[jj] = value;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return a[maxj - minj - 1] as number;
}

/** Greatest common divisor of two positive integers. */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
