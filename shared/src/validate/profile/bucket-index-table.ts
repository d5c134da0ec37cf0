import { SKETCH_RELATIVE_ACCURACY, bucketIndex } from "./log-bucket-sketch.js";

/** Cells per binary octave: 2^7, each narrower (ln(1 + 2^-7) ≈ 0.0078) than a bucket (ln γ ≈ 0.00995). */
const CELL_BITS = 7;
const CELLS = 1 << CELL_BITS;
/** A double's high word: sign, 11 exponent bits, then the mantissa's top 20 bits. */
const MANTISSA_HIGH_BITS = 20;
/** A cell's doubles are 2^45 apart at most: compared by the top 31 of those 45 bits, then whole when those are equal. */
const KEY_SHIFT = 52 - CELL_BITS - 31;
const KEY_HIGH_BITS = MANTISSA_HIGH_BITS - CELL_BITS;
const LOG_GAMMA = Math.log((1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY));
/** Whether a Float64Array's double i has its high word at 32-bit word 2i + 1 (little-endian) or 2i. */
export const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Per biased exponent, once a magnitude of it is seen: each cell's bucket, key of the next bucket's first magnitude. */
const keys: Array<Int32Array | undefined> = new Array<Int32Array | undefined>(2048).fill(undefined);
/** ... and that magnitude itself (Infinity when the cell holds none), for a magnitude with the same key. */
const firsts: Array<Float64Array | undefined> = new Array<Float64Array | undefined>(2048).fill(undefined);
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/**
 * `bucketIndex(magnitude)` for a positive normal `magnitude` (≥ 2^-1022: the sketch's zero bucket takes those below
 * `SKETCH_MIN_MAGNITUDE`) whose 64 bits are `high` and `low`, the same number (−0 counted as 0), without a logarithm
 * and without a branch that depends on the value. A binary exponent's magnitudes are cut into 128 cells by their
 * top 7 mantissa bits; a cell is narrower than a bucket, so it holds the first magnitude of at most one bucket,
 * found once by a search on `bucketIndex` itself: a magnitude's bucket is its cell's first bucket, plus one from
 * that first magnitude on. An exponent's cells are computed when one of its magnitudes first comes (about 500
 * logarithms). This holds because `bucketIndex` never decreases as the magnitude grows, which
 * `shared/tools/verify-bucket-index.mjs` checks around every bucket boundary of the whole range; a cell where it
 * would not hold is left to `bucketIndex`.
 */
export function bucketOfWords(magnitude: number, high: number, low: number): number {
  const exponent = high >>> MANTISSA_HIGH_BITS;
  const cells = keys[exponent] ?? fillOctave(exponent);
  const at = ((high >>> KEY_HIGH_BITS) & (CELLS - 1)) << 1;
  // The magnitude's place in its cell, to 31 bits, against the next bucket's first magnitude's: one more when past.
  const key = ((high & ((1 << KEY_HIGH_BITS) - 1)) << (31 - KEY_HIGH_BITS)) | (low >>> KEY_SHIFT);
  const first = cells[at + 1]!;
  if (key === first || first < 0) return bucketAtKey(magnitude, exponent, at);
  return cells[at]! + ((first - key) >>> 31);
}

/** `bucketIndex(magnitude)` for any positive normal magnitude, as `bucketOfWords` reads it. */
export function tableBucketIndex(magnitude: number): number {
  BITS[0] = magnitude;
  return bucketOfWords(magnitude, WORDS[HIGH_WORD]!, WORDS[1 - HIGH_WORD]!);
}

/** A magnitude whose key is its cell's boundary's, or in a cell left to `bucketIndex`: compared whole. */
function bucketAtKey(magnitude: number, exponent: number, at: number): number {
  const bucket = keys[exponent]![at]!;
  const first = firsts[exponent]![at >> 1]!;
  if (first !== first) return bucketIndex(magnitude);
  return magnitude >= first ? bucket + 1 : bucket;
}

/**
 * The cells of biased exponent `exponent` (1..2046: normal numbers). A cell left to `bucketIndex` (more than one
 * boundary, which a non-decreasing `bucketIndex` cannot give) has the key −1, which no magnitude has, and NaN.
 */
function fillOctave(exponent: number): Int32Array {
  const cells = new Int32Array(2 * CELLS);
  const exact = new Float64Array(CELLS);
  keys[exponent] = cells;
  firsts[exponent] = exact;
  // Subnormal magnitudes, infinities and NaN (never a sketch's) are left to `bucketIndex`.
  if (exponent === 0 || exponent === 2047) {
    for (let cell = 0; cell < CELLS; cell++) cells[2 * cell + 1] = -1;
    exact.fill(NaN);
    return cells;
  }
  const step = 2 ** (exponent - 1075); // one unit in the last place at this exponent
  const first = 2 ** (exponent - 1023);
  const perCell = 2 ** (52 - CELL_BITS); // doubles per cell
  let bucket = bucketIndex(first);
  for (let cell = 0; cell < CELLS; cell++) {
    const low = first + cell * perCell * step;
    // The next cell's first bucket; when it is this one's, so is the bucket of every double between them.
    const next = bucketIndex(low + perCell * step);
    const lastBucket = next === bucket ? bucket : bucketIndex(low + (perCell - 1) * step);
    cells[2 * cell] = bucket;
    if (lastBucket === bucket) {
      // No boundary: the largest key, compared whole (against Infinity) when a magnitude has it.
      cells[2 * cell + 1] = 0x7fffffff;
      exact[cell] = Infinity;
    } else if (lastBucket === bucket + 1) {
      // The first of the cell's doubles whose bucket is the next (near γ^bucket).
      const from = firstPast(low, step, perCell, bucket);
      cells[2 * cell + 1] = Math.floor(from / 2 ** KEY_SHIFT);
      exact[cell] = low + from * step;
    } else {
      cells[2 * cell + 1] = -1;
      exact[cell] = NaN;
    }
    bucket = next;
  }
  return cells;
}

/**
 * The offset of the first of the cell's doubles whose `bucketIndex` is past `bucket`, its first double's bucket (its
 * last double's is `bucket + 1`): bracketed from the guess γ^bucket by steps that double (it is a few doubles away
 * at the exponents of everyday values), then bisected, so a cell costs about five logarithms where a bisection over
 * the 4,096 doubles around the guess cost fourteen. `bucketIndex` never decreases, so the cell has one such first
 * double, whichever way it is found: the tables are the same.
 */
function firstPast(low: number, step: number, perCell: number, bucket: number): number {
  const past = (offset: number) => bucketIndex(low + offset * step) > bucket;
  const guess = Math.max(1, Math.min(perCell - 1, Math.round((Math.exp(bucket * LOG_GAMMA) - low) / step)));
  let below = 0;
  let from = perCell - 1;
  if (past(guess)) {
    from = guess;
    for (let width = 1; from - width > below; width *= 2) {
      if (!past(from - width)) {
        below = from - width;
        break;
      }
      from -= width;
    }
  } else {
    below = guess;
    for (let width = 1; below + width < from; width *= 2) {
      if (past(below + width)) {
        from = below + width;
        break;
      }
      below += width;
    }
  }
  while (from - below > 1) {
    const middle = below + Math.floor((from - below) / 2);
    if (past(middle)) from = middle;
    else below = middle;
  }
  return from;
}
