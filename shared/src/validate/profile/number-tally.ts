import { numberText } from "../column-values.js";
import { BucketCounts } from "./bucket-counts.js";
import { SKETCH_MIN_MAGNITUDE, bucketIndex } from "./log-bucket-sketch.js";
import type { NumberProfile } from "./profile-schema.js";
import { MAX_NUMBER_LEVELS } from "./profile-schema.js";
import { sortedPairs, toSketchJson } from "./profile-pairs.js";

const ONE = new Float64Array(1);

/** What a number column's profile counts beside its finite values (`NumberColumn`'s counts). */
export interface NumberCounts {
  name: string;
  missing: number;
  nonNumeric: number;
  nonFinite: number;
}

/**
 * A number column's profile, summed value by value in row order, so a table's column and a streamed file give the
 * same bytes: count, mean and sum of squared deviations (Welford), min and max, the quantile sketch, and exact
 * counts per value while there are at most `MAX_NUMBER_LEVELS` distinct values.
 */
export class NumberTally {
  /** The quantile sketch's buckets (`addToSketch`), counted in arrays. */
  private readonly positive = new BucketCounts();
  private readonly negative = new BucketCounts();
  private zero = 0;
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;
  private levels: Map<number, number> | undefined = new Map();

  /** Adds one finite value. */
  add(v: number): void {
    ONE[0] = v;
    this.addMany(ONE, 0, 1);
  }

  /** Adds the finite values of `values[start, end)` in order; returns how many were not finite (left out). */
  addMany(values: ArrayLike<number>, start: number, end: number): number {
    // The running sums in locals for the run (the same operations in the same order as one value at a time).
    let { count, mean, m2, min, max, zero, levels } = this;
    const { positive, negative } = this;
    let notFinite = 0;
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      if (v - v !== 0) {
        notFinite++;
        continue;
      }
      count++;
      const delta = v - mean;
      mean += delta / count;
      m2 += delta * (v - mean);
      if (v < min) min = v;
      if (v > max) max = v;
      const magnitude = Math.abs(v);
      if (magnitude < SKETCH_MIN_MAGNITUDE) zero++;
      else (v > 0 ? positive : negative).add(bucketIndex(magnitude));
      if (levels !== undefined) {
        const key = Object.is(v, -0) ? 0 : v;
        levels.set(key, (levels.get(key) ?? 0) + 1);
        if (levels.size > MAX_NUMBER_LEVELS) levels = undefined;
      }
    }
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
    this.min = min;
    this.max = max;
    this.zero = zero;
    this.levels = levels;
    return notFinite;
  }

  /** The column's profile in a file of `rows` rows whose digest is `sha256`. */
  profile(column: NumberCounts, rows: number, sha256: string): NumberProfile {
    const { count, mean, m2, min, max } = this;
    return {
      kind: "number",
      name: column.name,
      rows,
      missing: column.missing,
      non_numeric: column.nonNumeric,
      non_finite: column.nonFinite,
      min: count === 0 ? null : min,
      max: count === 0 ? null : max,
      moments: count === 0 ? [] : [{ shard: sha256, count, mean, m2: Math.max(0, m2) }],
      sketch: toSketchJson({ positive: this.positive.toMap(), negative: this.negative.toMap(), zero: this.zero }),
      values:
        this.levels === undefined ? null : sortedPairs([...this.levels].map(([value, n]) => [numberText(value), n])),
    };
  }
}
