/**
 * A mergeable quantile sketch with a relative-error guarantee (DDSketch, Masson, Rim & Lee, VLDB 2019): a value x > 0
 * falls in bucket i = ceil(log_γ(x)), γ = (1 + α)/(1 − α), negative values likewise by |x|, and tiny magnitudes in a
 * zero bucket. The bucket's representative 2γ^i/(γ + 1) is within relative error α of every value in it, so the
 * value of any rank read from the sketch is within α·|x| of the true value of that rank. Buckets are integer counts:
 * merging adds them, exactly, in any order.
 */
export interface LogBucketSketch {
  /** Count per bucket index, for positive values and for negative values (by magnitude). */
  positive: Map<number, number>;
  negative: Map<number, number>;
  zero: number;
}

/** The relative accuracy of every profile's sketch; profiles merge only with the same one. */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Magnitudes below this go to the zero bucket (their representative is 0). */
export const SKETCH_MIN_MAGNITUDE = 1e-300;

export function emptySketch(): LogBucketSketch {
  return { positive: new Map(), negative: new Map(), zero: 0 };
}

export function bucketIndex(magnitude: number): number {
  return Math.ceil(Math.log(magnitude) / LOG_GAMMA);
}

/** The representative of bucket `index`: the value with the same relative distance α to both bucket bounds. */
export function bucketValue(index: number): number {
  return (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
}

/** Adds one finite value. */
export function addToSketch(sketch: LogBucketSketch, value: number): void {
  const magnitude = Math.abs(value);
  if (magnitude < SKETCH_MIN_MAGNITUDE) {
    sketch.zero++;
    return;
  }
  const store = value > 0 ? sketch.positive : sketch.negative;
  const index = bucketIndex(magnitude);
  store.set(index, (store.get(index) ?? 0) + 1);
}

/** The sum of two sketches (neither is changed). */
export function mergeSketches(a: LogBucketSketch, b: LogBucketSketch): LogBucketSketch {
  const add = (x: Map<number, number>, y: Map<number, number>) => {
    const out = new Map(x);
    for (const [index, count] of y) out.set(index, (out.get(index) ?? 0) + count);
    return out;
  };
  return { positive: add(a.positive, b.positive), negative: add(a.negative, b.negative), zero: a.zero + b.zero };
}

/** The sketch as ascending (value, count) points: negative buckets from the most negative, zero, positive buckets. */
export function sketchPoints(sketch: LogBucketSketch): Array<{ value: number; count: number }> {
  const negative = [...sketch.negative]
    .sort((a, b) => b[0] - a[0])
    .map(([index, count]) => ({ value: -bucketValue(index), count }));
  const positive = [...sketch.positive]
    .sort((a, b) => a[0] - b[0])
    .map(([index, count]) => ({ value: bucketValue(index), count }));
  return [...negative, ...(sketch.zero > 0 ? [{ value: 0, count: sketch.zero }] : []), ...positive];
}

export function sketchCount(sketch: LogBucketSketch): number {
  let n = sketch.zero;
  for (const count of sketch.positive.values()) n += count;
  for (const count of sketch.negative.values()) n += count;
  return n;
}

/**
 * The value of rank ⌊q·(n − 1)⌋ (0-based, ascending), within relative error α of the true value of that rank
 * (NumPy's `percentile(..., method="lower")` at 100·q). Null for an empty sketch.
 */
export function sketchQuantile(sketch: LogBucketSketch, q: number): number | null {
  const n = sketchCount(sketch);
  if (n === 0) return null;
  const rank = Math.floor(q * (n - 1));
  let seen = 0;
  for (const point of sketchPoints(sketch)) {
    seen += point.count;
    if (seen > rank) return point.value;
  }
  return null;
}
