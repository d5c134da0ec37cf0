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

  /** The counts as a map of index to count (indices with a count only). */
  toMap(): Map<number, number> {
    const out = new Map(this.beyond);
    for (let at = 0; at < this.counts.length; at++) {
      const count = this.counts[at]!;
      if (count > 0) out.set(this.low + at, (out.get(this.low + at) ?? 0) + count);
    }
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
