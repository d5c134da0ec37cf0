import { DriftInputError } from "./drift-input-error.js";
import { requireCounts } from "./require-counts.js";

export { binCounts, quantileBinEdges, type BinClosure } from "./quantile-bins.js";

/** Default floor for bin proportions: 1e-4, the value of the PSI literature and of Evidently's fixed epsilon. */
export const PSI_DEFAULT_EPSILON = 1e-4;

export interface PsiResult {
  /** Σ terms. */
  value: number;
  /** Per bin (q′ − p′)·ln(q′/p′), p′ = max(p, ε) the reference and q′ = max(q, ε) the current proportion. */
  terms: number[];
}

/**
 * Population Stability Index of current against reference bin (or category) counts:
 * PSI = Σ (q′ − p′)·ln(q′/p′) with proportions p = reference/Σreference, q = current/Σcurrent, each floored at
 * `epsilon` (default 1e-4) so that an empty bin on either side gives a large but finite term, not ∞ or 0/0.
 * Each term is ≥ 0; a bin empty on both sides contributes 0. The epsilon is a convention that matters: a category
 * seen only in the current data contributes (q − ε)·ln(q/ε), so report it with the value. (Evidently instead
 * replaces zeros by 1e-4 — or by the smallest proportion/10⁶ when that is ≤ 1e-4 — which differs only then.)
 * @throws {DriftInputError} on count vectors of different lengths, negative or non-finite counts, a side whose
 * counts sum to 0, or an epsilon outside (0, 1).
 */
export function populationStabilityIndex(
  referenceCounts: number[],
  currentCounts: number[],
  options: { epsilon?: number } = {},
): PsiResult {
  const epsilon = options.epsilon ?? PSI_DEFAULT_EPSILON;
  if (!(epsilon > 0 && epsilon < 1)) {
    throw new DriftInputError(`The PSI epsilon is ${String(epsilon)}; expected a number between 0 and 1, e.g. 1e-4.`);
  }
  if (referenceCounts.length !== currentCounts.length) {
    throw new DriftInputError(
      `${referenceCounts.length} reference counts but ${currentCounts.length} current counts; expected one of each per bin.`,
    );
  }
  const referenceTotal = requireCounts(referenceCounts, "reference");
  const currentTotal = requireCounts(currentCounts, "current");
  const terms = referenceCounts.map((count, i) => {
    const p = Math.max(count / referenceTotal, epsilon);
    const q = Math.max((currentCounts[i] as number) / currentTotal, epsilon);
    return (q - p) * Math.log(q / p);
  });
  return { value: terms.reduce((sum, term) => sum + term, 0), terms };
}
