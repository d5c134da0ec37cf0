import { toPerExampleValues, type MeanMetric } from "./per-example-values.js";

/**
 * A mean-type metric over all examples: the mean of `toPerExampleValues`, by plain summation (NumPy sums pairwise,
 * a difference in the last bits only).
 * @throws {StatsInputError} as `toPerExampleValues`.
 */
export function computeMeanMetric(
  metric: MeanMetric,
  yTrue: ArrayLike<number>,
  predictions: ArrayLike<number>,
): number {
  const values = toPerExampleValues(metric, yTrue, predictions);
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
