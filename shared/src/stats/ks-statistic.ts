/** D⁺ = max(F_a − F_b) and D⁻ = max(F_b − F_a) of two empirical distribution functions, and where they occur. */
export interface KsStatistic {
  /** max over the pooled sample of F_a(x) − F_b(x) (≥ 0: both ECDFs reach 1 at the largest value). */
  dPlus: number;
  /** max over the pooled sample of F_b(x) − F_a(x), clipped to [0, 1]. */
  dMinus: number;
  /** The value where D⁺ is reached, chosen as SciPy's argmax over [sorted a, sorted b] chooses it. */
  dPlusLocation: number;
  /** The value where D⁻ is reached, chosen likewise. */
  dMinusLocation: number;
}

/**
 * The one-sided Kolmogorov–Smirnov distances of two sorted samples by one merge walk, O(n_a + n_b).
 * Both ECDFs are right-continuous (a value counts at its own position, ties consumed together), evaluated at every
 * distinct pooled value as `i/n_a − j/n_b`, the same floating-point expression as scipy.stats.ks_2samp's
 * `searchsorted(side='right')/n` differences, so D equals SciPy's bit for bit. Where the extreme is reached at
 * several values, the location is the smallest such value of sample a, else of sample b (SciPy's first index in
 * the concatenation of the two sorted samples).
 */
export function ksStatistic(sortedA: Float64Array, sortedB: Float64Array): KsStatistic {
  const na = sortedA.length;
  const nb = sortedB.length;
  let i = 0;
  let j = 0;
  const plus = { value: -Infinity, inA: Number.NaN, inB: Number.NaN };
  const minus = { value: -Infinity, inA: Number.NaN, inB: Number.NaN }; // max(F_b − F_a)
  while (i < na || j < nb) {
    const x = (
      j >= nb || (i < na && (sortedA[i] as number) <= (sortedB[j] as number)) ? sortedA[i] : sortedB[j]
    ) as number;
    const startI = i;
    const startJ = j;
    while (i < na && sortedA[i] === x) i++;
    while (j < nb && sortedB[j] === x) j++;
    const diff = i / na - j / nb;
    track(plus, diff, x, i > startI, j > startJ);
    track(minus, -diff, x, i > startI, j > startJ);
  }
  const location = (extreme: typeof plus) => (Number.isNaN(extreme.inA) ? extreme.inB : extreme.inA);
  return {
    dPlus: plus.value,
    dMinus: Math.min(Math.max(minus.value, 0), 1),
    dPlusLocation: location(plus),
    dMinusLocation: location(minus),
  };
}

/** Keeps the largest value seen and the first (smallest) x of each sample where it was reached. */
function track(
  extreme: { value: number; inA: number; inB: number },
  value: number,
  x: number,
  inA: boolean,
  inB: boolean,
): void {
  if (value > extreme.value) {
    extreme.value = value;
    extreme.inA = inA ? x : Number.NaN;
    extreme.inB = inB ? x : Number.NaN;
  } else if (value === extreme.value) {
    if (inA && Number.isNaN(extreme.inA)) extreme.inA = x;
    if (inB && Number.isNaN(extreme.inB)) extreme.inB = x;
  }
}
