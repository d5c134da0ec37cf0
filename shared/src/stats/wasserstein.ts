import { sortedSample } from "./sorted-sample.js";

/** Evidently's floor for the reference's standard deviation in the normed Wasserstein distance. */
export const NORMED_WASSERSTEIN_MIN_STD = 0.001;

/**
 * 1-D Wasserstein-1 (earth mover's) distance of two unweighted samples, as scipy.stats.wasserstein_distance(a, b):
 * ∫|F_a − F_b| dx = Σ over consecutive pooled values of |F_a − F_b|·gap, by one merge walk of the two sorted
 * samples (O(n log n) for the sorts, O(n) after), with compensated summation. In the feature's units.
 * @throws {DriftInputError} on an empty sample, NaN or an infinite value.
 */
export function wassersteinDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return wassersteinOfSorted(sortedSample(a, "reference"), sortedSample(b, "current"));
}

/** `wassersteinDistance` of samples already sorted ascending and checked finite. */
export function wassersteinOfSorted(sortedA: Float64Array, sortedB: Float64Array): number {
  const na = sortedA.length;
  const nb = sortedB.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  let previous = Math.min(sortedA[0] as number, sortedB[0] as number);
  while (i < na || j < nb) {
    const x =
      j >= nb || (i < na && (sortedA[i] as number) <= (sortedB[j] as number))
        ? (sortedA[i] as number)
        : (sortedB[j] as number);
    const term = Math.abs(i / na - j / nb) * (x - previous);
    const t = sum + term; // Neumaier summation
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    previous = x;
    while (i < na && sortedA[i] === x) i++;
    while (j < nb && sortedB[j] === x) j++;
  }
  return sum + compensation;
}

/**
 * Evidently's normed Wasserstein distance: W₁(reference, current) / max(σ_ref, 0.001) with σ_ref the reference's
 * population standard deviation (numpy.std, ddof = 0). Unit-free, so one threshold (Evidently's 0.1) serves every
 * column; an all-equal reference divides by 0.001.
 * @throws {DriftInputError} on an empty sample, NaN or an infinite value.
 */
export function normedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  return normedWassersteinOfSorted(sortedSample(reference, "reference"), sortedSample(current, "current"));
}

/** `normedWasserstein` of samples already sorted ascending and checked finite. */
export function normedWassersteinOfSorted(sortedReference: Float64Array, sortedCurrent: Float64Array): number {
  const distance = wassersteinOfSorted(sortedReference, sortedCurrent);
  return distance / Math.max(populationStd(sortedReference), NORMED_WASSERSTEIN_MIN_STD);
}

/** Standard deviation with ddof = 0 (two-pass: mean, then mean squared deviation), as numpy.std(x). */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i] as number;
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((values[i] as number) - mean) ** 2;
  return Math.sqrt(squares / n);
}
