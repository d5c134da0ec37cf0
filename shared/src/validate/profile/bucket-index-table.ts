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
/** Doubles either side of γ^i between which the bisection first looks for bucket i + 1's first magnitude. */
const NEAR = 1 << 11;
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
 * found once by bisection on `bucketIndex` itself: a magnitude's bucket is its cell's first bucket, plus one from
 * that first magnitude on. An exponent's cells are computed when one of its magnitudes first comes (a few thousand
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
  for (let cell = 0; cell < CELLS; cell++) {
    const low = first + cell * perCell * step;
    const bucket = bucketIndex(low);
    const lastBucket = bucketIndex(low + (perCell - 1) * step);
    cells[2 * cell] = bucket;
    if (lastBucket === bucket) {
      // No boundary: the largest key, compared whole (against Infinity) when a magnitude has it.
      cells[2 * cell + 1] = 0x7fffffff;
      exact[cell] = Infinity;
    } else if (lastBucket === bucket + 1) {
      // The first of the cell's doubles whose bucket is the next (near γ^bucket): bisection on their offsets.
      let [below, from] = bracket(low, step, perCell, bucket);
      while (from - below > 1) {
        const middle = below + Math.floor((from - below) / 2);
        if (bucketIndex(low + middle * step) > bucket) from = middle;
        else below = middle;
      }
      cells[2 * cell + 1] = Math.floor(from / 2 ** KEY_SHIFT);
      exact[cell] = low + from * step;
    } else {
      cells[2 * cell + 1] = -1;
      exact[cell] = NaN;
    }
  }
  return cells;
}

/**
 * Offsets [below, from] of the cell's doubles with `bucketIndex` at `bucket` at `below` and past it at `from`: a few
 * thousand doubles around γ^bucket when they are so, else the whole cell.
 */
function bracket(low: number, step: number, perCell: number, bucket: number): [number, number] {
  const guess = Math.round((Math.exp(bucket * LOG_GAMMA) - low) / step);
  const below = Math.max(0, Math.min(perCell - 1, guess - NEAR));
  const from = Math.max(0, Math.min(perCell - 1, guess + NEAR));
  if (bucketIndex(low + below * step) === bucket && bucketIndex(low + from * step) > bucket) return [below, from];
  return [0, perCell - 1];
}
