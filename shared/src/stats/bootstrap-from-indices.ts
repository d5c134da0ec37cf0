import { toBootstrapDistribution, type BootstrapDistribution } from "./bootstrap-distribution.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { StatsInputError } from "./stats-input-error.js";

/**
 * The bootstrap distribution of the mean from explicit resamples, RNG-free: row b of `indices` lists the n 0-based
 * indices of resample b, and θ*_b = mean(values[row]), as `values[indices].mean(axis=1)` in NumPy. For checking
 * against SciPy's `_bca_interval` on a known index matrix, and for callers that draw indices themselves.
 * @throws {StatsInputError} when `values` is empty or non-finite, there is no row, a row's length is not n, or an
 * index is not a whole number in [0, n).
 */
export function drawBootstrapDistributionFromIndices(
  values: ArrayLike<number>,
  indices: readonly ArrayLike<number>[],
): BootstrapDistribution {
  const n = requireSameLength({ values });
  requireFinite(values, "values");
  if (indices.length === 0) throw new StatsInputError("The resample index matrix has no rows.");
  const means = new Float64Array(indices.length);
  indices.forEach((row, b) => {
    if (row.length !== n) throw new StatsInputError(`Resample ${b} has ${row.length} indices; expected ${n}.`);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const index = row[i] as number;
      if (!(Number.isInteger(index) && index >= 0 && index < n)) {
        throw new StatsInputError(`Resample ${b}, position ${i}: ${String(index)} is not a whole number in [0, ${n}).`);
      }
      sum += values[index] as number;
    }
    means[b] = sum / n;
  });
  return toBootstrapDistribution(values, means);
}
