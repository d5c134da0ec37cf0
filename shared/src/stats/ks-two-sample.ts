import { DriftInputError } from "./drift-input-error.js";
import { gcd, ksExactTwoSidedPValue } from "./ks-exact.js";
import { kolmogorovSf } from "./kolmogorov-distribution.js";
import { ksStatistic } from "./ks-statistic.js";
import { sortedSample } from "./sorted-sample.js";

/** How the p-value is computed; `auto` chooses like SciPy. */
export type KsMethod = "auto" | "exact" | "asymp";

export interface KsTwoSampleResult {
  /** D = sup |F_a − F_b|; with the exact method, snapped to the lattice h/lcm(n_a, n_b) as SciPy does. */
  statistic: number;
  /** Two-sided p-value. */
  pValue: number;
  /** The method actually used (`auto` resolved; `exact` falls back to `asymp` where SciPy does). */
  method: "exact" | "asymp";
  /** Sizes of the two samples. */
  sizes: [number, number];
  /** The value where |F_a − F_b| reaches D (SciPy's `statistic_location`). */
  location: number;
  /** +1 when F_a exceeds F_b there (the first sample lies to the left, i.e. smaller values), −1 otherwise. */
  sign: 1 | -1;
}

/** Above this size (of the larger sample) `auto` uses the asymptotic distribution (SciPy's MAX_AUTO_N, `<=`). */
export const KS_MAX_EXACT_AUTO_SIZE = 10_000;
const INT32_MAX = 2 ** 31 - 1;

/**
 * Two-sided two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp(a, b) (SciPy 1.10):
 * - statistic D = max(D⁺, D⁻) of the right-continuous ECDFs over the pooled sample (D⁺ when they tie);
 * - `auto`: exact when max(n_a, n_b) ≤ 10,000, else asymptotic;
 * - exact: lattice-path counting at h = round(D·lcm); SciPy falls back to asymptotic when lcm is too large
 *   (n_a/g ≥ INT32_MAX/(n_b/g)) or the computation leaves [0, 1], and so does this;
 * - asymptotic: `kstwo.sf(D, round(n_a·n_b/(n_a + n_b)))`, not the textbook limit kstwobign.sf(√en·D); with one
 *   value in each sample that size rounds to 0 and SciPy returns NaN: the exact p-value (1) is returned instead.
 * Sorts each sample once: O(n log n) time, one Float64Array copy per sample. Ties are allowed (the p-value is then
 * conservative, as SciPy's).
 * @throws {DriftInputError} on an empty sample, NaN or an infinite value.
 */
export function ksTwoSample(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: { method?: KsMethod } = {},
): KsTwoSampleResult {
  const method = options.method ?? "auto";
  if (method !== "auto" && method !== "exact" && method !== "asymp") {
    throw new DriftInputError(`Unknown KS method "${String(method)}"; expected auto, exact or asymp.`);
  }
  const sortedA = sortedSample(a, "reference");
  const sortedB = sortedSample(b, "current");
  return ksTwoSampleSorted(sortedA, sortedB, method);
}

/** `ksTwoSample` on samples already sorted ascending and checked finite (callers that keep sorted columns). */
export function ksTwoSampleSorted(
  sortedA: Float64Array,
  sortedB: Float64Array,
  method: KsMethod = "auto",
): KsTwoSampleResult {
  const n1 = sortedA.length;
  const n2 = sortedB.length;
  const { dPlus, dMinus, dPlusLocation, dMinusLocation } = ksStatistic(sortedA, sortedB);
  const minusWins = dMinus > dPlus;
  const d = minusWins ? dMinus : dPlus;
  const where = {
    sizes: [n1, n2] as [number, number],
    location: minusWins ? dMinusLocation : dPlusLocation,
    sign: minusWins ? (-1 as const) : (1 as const),
  };
  const g = gcd(n1, n2);
  const large = Math.max(n1, n2);
  const small = Math.min(n1, n2);
  const effectiveSize = roundHalfEven((large * small) / (large + small));
  let useExact = method === "exact" || (method === "auto" && large <= KS_MAX_EXACT_AUTO_SIZE);
  if (method === "exact" && n1 / g >= INT32_MAX / (n2 / g)) useExact = false;
  // One value per sample: the effective size rounds to 0 and SciPy's asymptotic p is NaN; the exact p (1) is used.
  if (effectiveSize === 0) useExact = true;
  if (useExact) {
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    const pValue = ksExactTwoSidedPValue(n1, n2, h);
    if (!Number.isNaN(pValue)) return { statistic: h / lcm, pValue, method: "exact", ...where };
  }
  const pValue = kolmogorovSf(effectiveSize, d);
  return { statistic: d, pValue: Math.min(Math.max(pValue, 0), 1), method: "asymp", ...where };
}

/** NumPy's round (and Python's round): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
