import { numberText } from "../column-values.js";
import { BucketCounts, mergeSortedBuckets, sortedBucketPairs } from "./bucket-counts.js";
import type { SortedBuckets } from "./bucket-counts.js";
import { SKETCH_MIN_MAGNITUDE } from "./log-bucket-sketch.js";
import { HIGH_WORD, bucketOfWords } from "./bucket-index-table.js";
import type { NumberProfile } from "./profile-schema.js";
import { MAX_NUMBER_LEVELS } from "./profile-levels.js";
import { sortedPairs } from "./profile-pairs.js";

const ONE = new Float64Array(1);
const ONE_WORDS = new Uint32Array(ONE.buffer);
/** Values of another kind than Float64Array are tallied from a copy, this many at a time. */
const COPIED = 4096;
const copy = new Float64Array(COPIED);
const COPY_WORDS = new Uint32Array(copy.buffer);
/** Whether this thread has tallied `primeTally`'s values. */
let primed = false;

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

  constructor() {
    if (!primed) primeTally();
  }

  /** Adds one finite value. */
  add(v: number): void {
    ONE[0] = v;
    this.addDoubles(ONE, ONE_WORDS, 0, 1);
  }

  /** Adds the finite values of `values[start, end)` in order; returns how many were not finite (left out). */
  addMany(values: ArrayLike<number>, start: number, end: number): number {
    if (values instanceof Float64Array)
      return this.addDoubles(values, new Uint32Array(values.buffer, values.byteOffset, 2 * values.length), start, end);
    // One kind of array in the loop below (numbers of any other kind are exactly doubles): a typed array's copied
    // by the engine, converted as reading its elements one by one converts them.
    const typed = values instanceof Int32Array || values instanceof Float32Array ? values : undefined;
    let notFinite = 0;
    for (let from = start; from < end; from += COPIED) {
      const to = Math.min(end, from + COPIED);
      if (typed !== undefined) copy.set(typed.subarray(from, to));
      else for (let i = from; i < to; i++) copy[i - from] = values[i]!;
      notFinite += this.addDoubles(copy, COPY_WORDS, 0, to - from);
    }
    return notFinite;
  }

  /**
   * `addMany` over doubles whose 32-bit words are `words` (for their sketch buckets: `bucketOfWords`), at most
   * `COPIED` at a time: a thread's first values run before the engine optimizes `addRun`, and short runs let it see
   * the whole function (its loop and what follows) before it does, so the optimized code is not thrown away at the
   * end of a long first run.
   */
  private addDoubles(values: Float64Array, words: Uint32Array, start: number, end: number): number {
    let notFinite = 0;
    for (let from = start; from < end; from += COPIED)
      notFinite += this.addRun(values, words, from, Math.min(end, from + COPIED));
    return notFinite;
  }

  /** `addDoubles` over one run. */
  private addRun(values: Float64Array, words: Uint32Array, start: number, end: number): number {
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
      else {
        const bucket = bucketOfWords(magnitude, words[2 * i + HIGH_WORD]! & 0x7fffffff, words[2 * i + 1 - HIGH_WORD]!);
        (v > 0 ? positive : negative).add(bucket);
      }
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
    return tallyProfile(this.state(), column, rows, sha256);
  }

  /** The sums so far as plain data: what a worker thread posts back, and `mergeTallies` adds. */
  state(): TallyState {
    const { count, mean, m2, min, max, zero, levels } = this;
    const positive = this.positive.sorted();
    const negative = this.negative.sorted();
    return { count, mean, m2, min, max, zero, positive, negative, levels: levels === undefined ? null : [...levels] };
  }
}

/**
 * Tallies a few made-up values taking each of `addRun`'s branches (positive and negative, zero and −0, not finite,
 * past the distinct-value cap, a power of two, a binary exponent not seen before), over enough runs for the engine
 * to record them, once per thread before its first tally. The code it optimizes then expects every kind of value:
 * optimized on a file's first values alone, it was thrown away when a value of another kind first came, and the
 * thread read on in slower code until it was optimized again. The tallies are dropped; the sketch's bucket table
 * keeps the three binary exponents it filled (1 to 8), which it fills for any value of theirs anyway.
 */
function primeTally(): void {
  primed = true;
  const values = new Float64Array(64);
  for (let i = 0; i < values.length; i++) values[i] = (i & 1 ? -1 : 1) * (1 + i / values.length);
  values[0] = 0;
  values[1] = NaN;
  values[2] = -0;
  for (let run = 0; run < 8; run++) {
    values[values.length - 1] = 2 ** (run < 6 ? 0 : run - 5);
    const tally = new NumberTally();
    tally.addMany(values, 0, values.length);
  }
}

/**
 * A `NumberTally`'s sums: sketch buckets in typed arrays (a worker thread moves them, not copies), distinct values as
 * [value, count] pairs (null past the cap).
 */
export interface TallyState {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  zero: number;
  positive: SortedBuckets;
  negative: SortedBuckets;
  levels: Array<[number, number]> | null;
}

/** A tally's profile in a file of `rows` rows whose digest is `sha256`. */
export function tallyProfile(state: TallyState, column: NumberCounts, rows: number, sha256: string): NumberProfile {
  const { count, mean, m2, min, max, zero, levels } = state;
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
    sketch: { zero, positive: sortedBucketPairs(state.positive), negative: sortedBucketPairs(state.negative) },
    values: levels === null ? null : sortedPairs(levels.map(([value, n]) => [numberText(value), n])),
  };
}

/**
 * The tally of `a`'s values followed by `b`'s. Counts, buckets, distinct values, min and max are exactly those of
 * one tally of both (min and max keep the earlier of equal values, as one tally does: 0 before −0); mean and m2
 * combine by Chan, Golub & LeVeque's pairwise formulas (the same as `combinedMoments`), which can differ from one
 * running sum over both in the last bits.
 */
export function mergeTallies(a: TallyState, b: TallyState): TallyState {
  const addLevels = (x: Array<[number, number]>, y: Array<[number, number]>) => {
    const out = new Map(x);
    for (const [key, n] of y) out.set(key, (out.get(key) ?? 0) + n);
    return out;
  };
  const count = a.count + b.count;
  let { mean, m2 } = a;
  if (a.count === 0) ({ mean, m2 } = b);
  else if (b.count > 0) {
    const delta = b.mean - a.mean;
    mean = a.mean + (delta * b.count) / count;
    m2 = a.m2 + b.m2 + (delta * delta * a.count * b.count) / count;
  }
  const levels = a.levels === null || b.levels === null ? null : addLevels(a.levels, b.levels);
  return {
    count,
    mean,
    m2,
    min: b.min < a.min ? b.min : a.min,
    max: b.max > a.max ? b.max : a.max,
    zero: a.zero + b.zero,
    positive: mergeSortedBuckets(a.positive, b.positive),
    negative: mergeSortedBuckets(a.negative, b.negative),
    levels: levels === null || levels.size > MAX_NUMBER_LEVELS ? null : [...levels],
  };
}
