import { DriftInputError } from "./drift-input-error.js";
import { requireCounts } from "./require-counts.js";

/**
 * Jensen–Shannon distance between two discrete distributions (counts or proportions, normalised here), as
 * scipy.spatial.distance.jensenshannon(p, q, base): √((KL(p‖m) + KL(q‖m))/2), m = (p + q)/2, with 0·ln 0 = 0 (no
 * epsilon needed: m > 0 wherever p or q is). `base` defaults to e (SciPy's None), range [0, √ln 2 ≈ 0.833];
 * with base 2 the range is [0, 1]. A threshold means nothing without its base.
 * @throws {DriftInputError} on vectors of different lengths, negative or non-finite entries, a zero total, or a
 * base that is not > 0 and ≠ 1.
 */
export function jensenShannonDistance(p: number[], q: number[], base?: number): number {
  if (base !== undefined && !(base > 0 && base !== 1 && Number.isFinite(base))) {
    throw new DriftInputError(
      `The Jensen–Shannon log base is ${String(base)}; expected a number > 0 other than 1, e.g. 2.`,
    );
  }
  if (p.length !== q.length) {
    throw new DriftInputError(
      `${p.length} reference entries but ${q.length} current entries; expected one of each per bin.`,
    );
  }
  const pTotal = requireCounts(p, "reference");
  const qTotal = requireCounts(q, "current");
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = (p[i] as number) / pTotal;
    const qi = (q[i] as number) / qTotal;
    const mi = (pi + qi) / 2;
    if (pi > 0) divergence += pi * Math.log(pi / mi);
    if (qi > 0) divergence += qi * Math.log(qi / mi);
  }
  if (base !== undefined) divergence /= Math.log(base);
  return Math.sqrt(Math.max(divergence, 0) / 2);
}
