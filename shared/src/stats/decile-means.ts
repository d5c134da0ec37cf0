import { argsortFloat64 } from "./argsort-float64.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";

/** Per group of examples ordered by prediction: its size, mean prediction and mean actual value. */
export interface DecileMeans {
  sizes: number[];
  meanPredicted: number[];
  meanActual: number[];
}

/**
 * Predicted vs actual by decile of the prediction: the examples sorted by predicted value (stable) and split into
 * `groups` consecutive groups as numpy.array_split (the first n mod groups one larger), with each group's mean
 * predicted and mean actual value. Fewer groups when there are fewer examples than groups.
 * @throws {StatsInputError} on empty or mismatched arrays or non-finite values.
 */
export function computeDecileMeans(actual: ArrayLike<number>, predicted: ArrayLike<number>, groups = 10): DecileMeans {
  const n = requireSameLength({ actual, predicted });
  requireFinite(actual, "actual");
  requireFinite(predicted, "predicted");
  const order = argsortFloat64(predicted);
  const count = Math.min(groups, n);
  const base = Math.floor(n / count);
  const extra = n % count;
  const result: DecileMeans = { sizes: [], meanPredicted: [], meanActual: [] };
  let start = 0;
  for (let g = 0; g < count; g++) {
    const size = base + (g < extra ? 1 : 0);
    let sumPredicted = 0;
    let sumActual = 0;
    for (let k = start; k < start + size; k++) {
      sumPredicted += predicted[order[k]!]!;
      sumActual += actual[order[k]!]!;
    }
    result.sizes.push(size);
    result.meanPredicted.push(sumPredicted / size);
    result.meanActual.push(sumActual / size);
    start += size;
  }
  return result;
}
