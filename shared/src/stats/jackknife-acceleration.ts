import { cannotCompute, type ScalarResult } from "./stat-result.js";

/** Neumaier's compensated sum: error independent of n, where a plain sum of 10⁶ terms loses up to 1e-10. */
function compensatedSum(count: number, term: (i: number) => number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < count; i++) {
    const x = term(i);
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * BCa acceleration â of the mean from the jackknife, the value scipy.stats.bootstrap(method="BCa") uses
 * (`_bca_interval`, SciPy 1.10): U_i = (n − 1)(θ̄₍·₎ − θ₍ᵢ₎) over the leave-one-out means θ₍ᵢ₎,
 * â = ⅙·(ΣU³/n³)/(ΣU²/n²)^{3/2} (Efron & Tibshirani 1993, Eq. 14.15). For the mean U_i = xᵢ − x̄ exactly, which this
 * uses, O(n) and with compensated sums: within 1e-14 of the exact rational value, where SciPy's own evaluation is
 * within about 1e-11 (the skewness sum cancels). "Cannot compute" when all values are equal (ΣU² = 0; SciPy returns
 * NaN) or there are fewer than two.
 */
export function computeMeanAcceleration(values: ArrayLike<number>): ScalarResult {
  const n = values.length;
  if (n < 2) return cannotCompute(`The jackknife needs at least two examples; there are ${n}.`);
  const mean = compensatedSum(n, (i) => values[i] as number) / n;
  const deviation = (i: number): number => (values[i] as number) - mean;
  const squares = compensatedSum(n, (i) => deviation(i) ** 2);
  const cubes = compensatedSum(n, (i) => deviation(i) ** 3);
  const denominator = squares / n ** 2;
  if (!(denominator > 0)) {
    return cannotCompute("Every per-example value is the same, so the jackknife acceleration is undefined (0/0).");
  }
  return { ok: true, value: ((1 / 6) * (cubes / n ** 3)) / denominator ** 1.5 };
}
