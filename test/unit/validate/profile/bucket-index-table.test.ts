import { describe, expect, it } from "vitest";
import { sortedBucketPairs } from "../../../../shared/src/validate/profile/bucket-counts.js";
import { tableBucketIndex } from "../../../../shared/src/validate/profile/bucket-index-table.js";
import {
  addToSketch,
  bucketIndex,
  emptySketch,
  SKETCH_MIN_MAGNITUDE,
} from "../../../../shared/src/validate/profile/log-bucket-sketch.js";
import { NumberTally } from "../../../../shared/src/validate/profile/number-tally.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

// The whole range, every double around every boundary, is checked by shared/tools/verify-bucket-index.mjs.

const double = new Float64Array(1);
const bits = new BigUint64Array(double.buffer);
const fromBits = (b: bigint) => ((bits[0] = b), double[0]!);
const toBits = (x: number) => ((double[0] = x), bits[0]!);

/** The first double whose formula bucket is `bucket` or more: bisection over the bit patterns. */
function boundary(bucket: number): bigint {
  let below = toBits(SKETCH_MIN_MAGNITUDE);
  let from = toBits(Number.MAX_VALUE);
  while (from - below > 1n) {
    const middle = (below + from) / 2n;
    if (bucketIndex(fromBits(middle)) >= bucket) from = middle;
    else below = middle;
  }
  return from;
}

/** Bucket indices with −0 read as 0 (a bucket's count is the same either way). */
const plain = (index: number) => index + 0;

describe("tableBucketIndex", () => {
  it("gives the formula's bucket at, just below and just above bucket boundaries across the range", () => {
    const buckets = [bucketIndex(SKETCH_MIN_MAGNITUDE) + 1, bucketIndex(Number.MAX_VALUE)];
    for (let bucket = -3000; bucket <= 3000; bucket += 7) buckets.push(bucket);
    for (let bucket = -69000; bucket <= 70900; bucket += 997) buckets.push(bucket);
    const wrong: number[] = [];
    for (const bucket of buckets) {
      const at = boundary(bucket);
      // The doubles next to it, and those a key (2^14 doubles: bucketOfWords compares their top 31 bits) away.
      for (const step of [-3n, -2n, -1n, 0n, 1n, 2n, 3n, -16385n, -16384n, -16383n, 16383n, 16384n, 16385n, 65536n]) {
        const x = fromBits(at + step);
        if (plain(tableBucketIndex(x)) !== plain(bucketIndex(x))) wrong.push(x);
      }
    }
    expect(wrong).toEqual([]);
    expect(buckets.length).toBeGreaterThan(1000);
  });

  it("gives the formula's bucket for random doubles of every exponent, and at the ends of the range", () => {
    const random = createSeededRandom(11);
    const specials = [SKETCH_MIN_MAGNITUDE, Number.MAX_VALUE, 1, 2, 0.5, 1 + 2 ** -52, 1 - 2 ** -53, 2 ** -996, 3e-300];
    for (const x of specials) expect(plain(tableBucketIndex(x))).toBe(plain(bucketIndex(x)));
    const wrong: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const exponent = BigInt(27 + Math.floor(random.nextDouble() * 2020));
      const high = BigInt(Math.floor(random.nextDouble() * 2 ** 26));
      const x = fromBits((exponent << 52n) | (high << 26n) | BigInt(Math.floor(random.nextDouble() * 2 ** 26)));
      if (x >= SKETCH_MIN_MAGNITUDE && plain(tableBucketIndex(x)) !== plain(bucketIndex(x))) wrong.push(x);
    }
    expect(wrong).toEqual([]);
  });
});

describe("NumberTally's sketch", () => {
  it("counts each value in the formula's bucket, from doubles, floats and integers alike", () => {
    const random = createSeededRandom(5);
    const values = Array.from({ length: 30_000 }, (_, i) =>
      i % 97 === 0 ? 0 : (random.nextDouble() - 0.4) * Math.exp(30 * (random.nextDouble() - 0.5)),
    );
    const expected = emptySketch();
    for (const v of values) addToSketch(expected, v);
    const asMaps = (tally: NumberTally) => {
      const state = tally.state();
      return {
        positive: new Map(sortedBucketPairs(state.positive)),
        negative: new Map(sortedBucketPairs(state.negative)),
        zero: state.zero,
      };
    };
    const doubles = new NumberTally();
    // A run that starts inside the array, as a page's run does.
    const padded = new Float64Array(values.length + 3);
    padded.set(values, 3);
    doubles.addMany(padded, 3, padded.length);
    expect(asMaps(doubles)).toEqual(expected);

    const floats = Float32Array.from(values);
    const fromFloats = emptySketch();
    for (const v of floats) addToSketch(fromFloats, v);
    const tallyOfFloats = new NumberTally();
    tallyOfFloats.addMany(floats, 0, floats.length);
    expect(asMaps(tallyOfFloats)).toEqual(fromFloats);

    const integers = Int32Array.from(values, (v) => Math.round(v * 1000));
    const fromIntegers = emptySketch();
    for (const v of integers) addToSketch(fromIntegers, v);
    const tallyOfIntegers = new NumberTally();
    tallyOfIntegers.addMany(integers, 0, integers.length);
    expect(asMaps(tallyOfIntegers)).toEqual(fromIntegers);

    const oneByOne = new NumberTally();
    for (const v of values) oneByOne.add(v);
    expect(oneByOne.state()).toEqual(doubles.state());
  });

  it("tallies a run inside a typed array as the same numbers in a plain array, non-finite ones left out", () => {
    const floats = Float32Array.from({ length: 10_000 }, (_, i) =>
      i % 1000 === 7 ? Infinity : i % 1001 === 5 ? NaN : Math.sin(i) * 1000,
    );
    const integers = Int32Array.from(floats, (v) => (Number.isFinite(v) ? Math.round(v) : -3));
    for (const values of [floats, integers]) {
      const typed = new NumberTally();
      const plain = new NumberTally();
      const notFinite = typed.addMany(values, 5, 9_500);
      expect(notFinite).toBe(plain.addMany(Array.from(values), 5, 9_500));
      expect(notFinite).toBe(values === floats ? 19 : 0);
      expect(typed.state()).toEqual(plain.state());
    }
  });
});
