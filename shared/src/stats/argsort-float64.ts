/**
 * The indices that sort finite `values` ascending, ties (and -0 with +0) in index order: what
 * `indices.sort((i, j) => values[i] - values[j] || i - j)` gives, by LSD radix passes over the values' bits carrying
 * the indices (stable, so ties stay in index order), without the comparator sort's boxed copy of the array. Keys as
 * in `sortFloat64`: negatives' bits flipped, the sign bit of the rest set; little-endian platforms.
 */
export function argsortFloat64(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  if (pool.keys.length < n)
    pool = { keys: new Float64Array(n), words: new Uint32Array(2 * n), order: new Uint32Array(n) };
  const keys = pool.keys.subarray(0, n);
  for (let i = 0; i < n; i++) keys[i] = (values[i] as number) + 0; // -0 + 0 is +0: -0 and +0 tie, as in the comparator
  if (n < 2048) return argsortShort(keys);
  let order: Uint32Array = Uint32Array.from({ length: n }, (_, i) => i);
  let words: Uint32Array = new Uint32Array(keys.buffer, 0, 2 * n);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1]!;
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi >>> 0;
      words[2 * i] = ~words[2 * i]! >>> 0;
    } else {
      words[2 * i + 1] = (hi | 0x80000000) >>> 0;
    }
  }
  let nextWords: Uint32Array = pool.words.subarray(0, 2 * n);
  let nextOrder: Uint32Array = pool.order.subarray(0, n);
  const counts = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const word = pass >> 1;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((words[2 * i + word]! >>> shift) & 0xffff) + 1]!++;
    let trivial = false;
    for (let d = 1; d <= 65536; d++) {
      if (counts[d] === n) trivial = true;
      counts[d]! += counts[d - 1]!;
    }
    if (trivial) continue;
    for (let i = 0; i < n; i++) {
      const at = counts[(words[2 * i + word]! >>> shift) & 0xffff]!++;
      nextWords[2 * at] = words[2 * i]!;
      nextWords[2 * at + 1] = words[2 * i + 1]!;
      nextOrder[at] = order[i]!;
    }
    [words, nextWords] = [nextWords, words];
    [order, nextOrder] = [nextOrder, order];
  }
  // The result must not be a view of the pool, which the next call overwrites.
  return order.buffer === pool.order.buffer ? order.slice() : order;
}

/**
 * A short sample's order: its values sorted by the engine's own numeric sort, then each index placed at the next free
 * rank of its value, indices taken in order (so ties stay in index order). No comparator call per comparison, which
 * a cold start would run in the interpreter, and none of the radix passes' 65,536-bucket prefix sums.
 */
function argsortShort(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const sorted = keys.slice().sort();
  const nextRank = new Map<number, number>();
  for (let rank = n - 1; rank >= 0; rank--) nextRank.set(sorted[rank]!, rank);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const value = keys[i]!;
    const rank = nextRank.get(value)!;
    order[rank] = i;
    nextRank.set(value, rank + 1);
  }
  return order;
}

/** Scratch reused by every call, grown to the largest input: per-call buffers would pile up as garbage. */
let pool = { keys: new Float64Array(0), words: new Uint32Array(0), order: new Uint32Array(0) };
