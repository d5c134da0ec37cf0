/** D⁺ = max(F_a − F_b) and D⁻ = max(F_b − F_a) (clipped at 0) of two empirical distribution functions. */
export interface KsStatistic {
  /** max over the pooled sample of F_a(x) − F_b(x); may be ≤ 0 when F_a never exceeds F_b. */
  dPlus: number;
  /** max over the pooled sample of F_b(x) − F_a(x), clipped to [0, 1]. */
  dMinus: number;
}

/**
 * The one-sided Kolmogorov–Smirnov distances of two sorted samples by one merge walk, O(n_a + n_b).
 * Both ECDFs are right-continuous (a value counts at its own position, ties consumed together), evaluated at every
 * distinct pooled value as `i/n_a − j/n_b`, the same floating-point expression as scipy.stats.ks_2samp's
 * `searchsorted(side='right')/n` differences, so D equals SciPy's bit for bit.
 */
export function ksStatistic(sortedA: Float64Array, sortedB: Float64Array): KsStatistic {
  const na = sortedA.length;
  const nb = sortedB.length;
  let i = 0;
  let j = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && (sortedA[i] as number) <= (sortedB[j] as number)) ? sortedA[i] : sortedB[j];
    while (i < na && sortedA[i] === x) i++;
    while (j < nb && sortedB[j] === x) j++;
    const diff = i / na - j / nb;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  return { dPlus: maxDiff, dMinus: Math.min(Math.max(-minDiff, 0), 1) };
}
