/**
 * Sketch buckets with a count, as parallel arrays ascending by index: plain data that a worker thread moves to the
 * main thread without copying, that two parts merge in one pass (`mergeSortedBuckets`), and that a profile stores in
 * this order (`sortedBucketPairs`).
 */
export interface SortedBuckets {
  indices: Int32Array;
  counts: Float64Array;
}

/** Widest window of bucket indices counted in an array: 4,096 buckets span 17 decades at the profile's accuracy (32 KB). */
const MAX_WINDOW = 4096;
const MARGIN = 32;

/**
 * Counts per sketch bucket index, in a typed array over a window of indices that grows to cover those seen (up to
 * 4,096), and in a map beyond it: a value costs an array increment where a map costs a lookup and a store.
 */
export class BucketCounts {
  private counts = new Float64Array(0);
  private low = 0;
  private readonly beyond = new Map<number, number>();

  add(index: number): void {
    let at = index - this.low;
    if (at < 0 || at >= this.counts.length) {
      if (!this.cover(index)) {
        this.beyond.set(index, (this.beyond.get(index) ?? 0) + 1);
        return;
      }
      at = index - this.low;
    }
    this.counts[at]!++;
  }

  /** The counts of the indices with a count, ascending by index. */
  sorted(): SortedBuckets {
    const { low, beyond } = this;
    // An index counted beyond the window before the window grew over it adds to the window's count.
    const counts = beyond.size === 0 ? this.counts : this.counts.slice();
    const outside: number[] = [];
    for (const [index, count] of beyond) {
      if (index >= low && index < low + counts.length) counts[index - low]! += count;
      else outside.push(index);
    }
    outside.sort((a, b) => a - b);
    let n = outside.length;
    for (let at = 0; at < counts.length; at++) if (counts[at]! > 0) n++;
    const out = { indices: new Int32Array(n), counts: new Float64Array(n) };
    let i = 0;
    let next = 0;
    const put = (index: number, count: number) => {
      out.indices[i] = index;
      out.counts[i++] = count;
    };
    // The rest of the indices beyond the window are below or above all of its indices, which ascend.
    for (; next < outside.length && outside[next]! < low; next++) put(outside[next]!, beyond.get(outside[next]!)!);
    for (let at = 0; at < counts.length; at++) if (counts[at]! > 0) put(low + at, counts[at]!);
    for (; next < outside.length; next++) put(outside[next]!, beyond.get(outside[next]!)!);
    return out;
  }

  /** Widens the window to hold `index`; false when it would pass `MAX_WINDOW`. */
  private cover(index: number): boolean {
    if (this.counts.length === 0) {
      this.counts = new Float64Array(2 * MARGIN);
      this.low = index - MARGIN;
      return true;
    }
    const low = Math.min(this.low, index - MARGIN);
    const high = Math.max(this.low + this.counts.length, index + MARGIN);
    const length = Math.max(high - low, Math.min(MAX_WINDOW, 2 * this.counts.length));
    if (high - low > MAX_WINDOW) return false;
    const start = index < this.low ? Math.max(high - length, high - MAX_WINDOW) : low;
    const counts = new Float64Array(Math.min(length, MAX_WINDOW));
    counts.set(this.counts, this.low - start);
    this.counts = counts;
    this.low = start;
    return true;
  }
}

/** The buckets of `a` and `b` together, counts of the same index added (`a`'s first). */
export function mergeSortedBuckets(a: SortedBuckets, b: SortedBuckets): SortedBuckets {
  const { indices: ai, counts: ac } = a;
  const { indices: bi, counts: bc } = b;
  const indices = new Int32Array(ai.length + bi.length);
  const counts = new Float64Array(indices.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    indices[n] = x < y ? x : y;
    counts[n++] = x < y ? ac[i++]! : y < x ? bc[j++]! : ac[i++]! + bc[j++]!;
  }
  for (; i < ai.length; i++, n++) {
    indices[n] = ai[i]!;
    counts[n] = ac[i]!;
  }
  for (; j < bi.length; j++, n++) {
    indices[n] = bi[j]!;
    counts[n] = bc[j]!;
  }
  return { indices: indices.slice(0, n), counts: counts.slice(0, n) };
}

/** Buckets counted in a map, ascending by index. */
export function sortedBucketsOf(map: ReadonlyMap<number, number>): SortedBuckets {
  const indices = Int32Array.from(map.keys()).sort();
  return { indices, counts: Float64Array.from(indices, (index) => map.get(index)!) };
}

/** The buckets as [index, count] pairs, ascending by index (a profile's stored form). */
export function sortedBucketPairs(buckets: SortedBuckets): Array<[number, number]> {
  const pairs = new Array<[number, number]>(buckets.indices.length);
  for (let i = 0; i < pairs.length; i++) pairs[i] = [buckets.indices[i]!, buckets.counts[i]!];
  return pairs;
}
