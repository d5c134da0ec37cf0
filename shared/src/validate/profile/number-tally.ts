import { numberText } from "../column-values.js";
import { BucketCounts } from "./bucket-counts.js";
import { SKETCH_MIN_MAGNITUDE, bucketIndex } from "./log-bucket-sketch.js";
import type { NumberProfile } from "./profile-schema.js";
import { MAX_NUMBER_LEVELS } from "./profile-schema.js";
import { sortedPairs, toSketchJson } from "./profile-pairs.js";

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
    this.count++;
    const delta = v - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (v - this.mean);
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    const magnitude = Math.abs(v);
    if (magnitude < SKETCH_MIN_MAGNITUDE) this.zero++;
    else (v > 0 ? this.positive : this.negative).add(bucketIndex(magnitude));
    if (this.levels !== undefined) {
      const key = Object.is(v, -0) ? 0 : v;
      this.levels.set(key, (this.levels.get(key) ?? 0) + 1);
      if (this.levels.size > MAX_NUMBER_LEVELS) this.levels = undefined;
    }
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
