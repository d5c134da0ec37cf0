import { regularizedUpperGamma } from "./incomplete-gamma.js";

/** P(X ≥ x) for X ~ χ²(dof), as scipy.stats.chi2.sf: Q(dof/2, x/2), computed on the upper side directly. */
export function chiSquareSf(x: number, dof: number): number {
  if (!(dof > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedUpperGamma(dof / 2, x / 2);
}
