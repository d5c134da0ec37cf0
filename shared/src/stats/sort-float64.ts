const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const MASK = BUCKETS - 1;
const PASSES = 6; // each 32-bit half as digits of 11, 11 and 10 bits
/** Below this length the engine's comparison sort is as fast and allocates less. */
const NATIVE_SORT_BELOW = 2048;
/**
 * One scratch buffer for every sort, grown to the largest array sorted: a fresh one per call would leave the
 * process holding freed blocks the allocator does not give back (validate-data sorts a dozen million-row columns).
 */
let scratch = new Uint32Array(0);

/**
 * Sorts a Float64Array ascending in place, in the order of `Float64Array.prototype.sort` (−0 before +0; callers
 * keep NaN out), and returns it. Long arrays use an LSD radix sort on the IEEE bit patterns mapped to order-
 * preserving unsigned keys (flip every bit of negatives, the sign bit of the rest): six stable passes of 11-, 11-
 * and 10-bit digits of each 32-bit half, O(n) time, one reused n-sized scratch buffer; passes whose digit is the same for
 * every value are skipped. Assumes a little-endian platform (every platform Node runs Actions on).
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < NATIVE_SORT_BELOW) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n); // little-endian: [low, high] per value
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1] as number;
    if (high & 0x80000000) {
      words[2 * i] = ~(words[2 * i] as number);
      words[2 * i + 1] = ~high;
    } else {
      words[2 * i + 1] = high | 0x80000000;
    }
  }
  const histograms = new Uint32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const low = words[2 * i] as number;
    const high = words[2 * i + 1] as number;
    bump(histograms, low & MASK);
    bump(histograms, BUCKETS + ((low >>> 11) & MASK));
    bump(histograms, 2 * BUCKETS + (low >>> 22));
    bump(histograms, 3 * BUCKETS + (high & MASK));
    bump(histograms, 4 * BUCKETS + ((high >>> 11) & MASK));
    bump(histograms, 5 * BUCKETS + (high >>> 22));
  }
  let source: Uint32Array = words;
  if (scratch.length < 2 * n) scratch = new Uint32Array(2 * n);
  let target: Uint32Array = scratch.subarray(0, 2 * n);
  const offsets = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    let total = 0;
    let trivial = false;
    for (let b = 0; b < BUCKETS; b++) {
      const count = histograms[base + b] as number;
      if (count === n) trivial = true;
      offsets[b] = total;
      total += count;
    }
    if (trivial) continue;
    const word = pass < 3 ? 0 : 1; // digits never straddle the two 32-bit halves
    const shift = (pass % 3) * RADIX_BITS;
    for (let i = 0; i < n; i++) {
      const low = source[2 * i] as number;
      const high = source[2 * i + 1] as number;
      const digit = ((word === 0 ? low : high) >>> shift) & MASK;
      const to = offsets[digit] as number;
      offsets[digit] = to + 1;
      target[2 * to] = low;
      target[2 * to + 1] = high;
    }
    [source, target] = [target, source];
  }
  if (source !== words) words.set(source);
  for (let i = 0; i < n; i++) {
    const high = words[2 * i + 1] as number;
    if (high & 0x80000000) {
      words[2 * i + 1] = high & 0x7fffffff;
    } else {
      words[2 * i] = ~(words[2 * i] as number);
      words[2 * i + 1] = ~high;
    }
  }
  return values;
}

function bump(counts: Uint32Array, index: number): void {
  counts[index] = (counts[index] as number) + 1;
}
