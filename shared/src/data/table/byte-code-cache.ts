import type { HeldMemory } from "./block-array.js";

/** Distinct cells remembered at most: categories repeat; a column past this many values is not a category. */
const MAX_ENTRIES = 1024;
/** Longer cells are not remembered (a category label is short). */
const MAX_ENTRY_BYTES = 64;
/** Misses of a full cache after which its lookups no longer pay: the column is mostly distinct values. */
const FULL_MISSES = 4096;
/** New cells after which a cache that has found none again no longer pays: an id or timestamp column. */
const DISTINCT_PROBE = 256;

/**
 * The code a builder gave each short cell it has seen, found again from the cell's bytes (an open-addressing hash
 * table over one byte arena), so a repeated category value costs a hash and a compare instead of a string. It grows
 * with the distinct cells seen, to at most 1,024 of at most 64 bytes each (about 90 KB), charged to `memory`.
 */
export class ByteCodeCache {
  private arena = new Uint8Array(0);
  private used = 0;
  private starts = new Int32Array(0);
  private codes = new Int32Array(0);
  private hashes = new Uint32Array(0);
  private table = new Int32Array(0);
  private count = 0;
  private hits = 0;
  private offered = 0;
  private fullMisses = 0;

  constructor(private readonly memory?: HeldMemory) {}

  /** Whether the cache is full: later cells are looked up but no longer added. */
  get full(): boolean {
    return this.count >= MAX_ENTRIES;
  }

  /**
   * Whether the cache no longer pays for its lookups, so its builder reads strings instead: full and missing more
   * than 4,096 times since, or 256 new cells offered without one found again (the column's values do not repeat).
   */
  get spent(): boolean {
    return this.fullMisses > FULL_MISSES || (this.hits === 0 && this.offered >= DISTINCT_PROBE);
  }

  /** The code remembered for `bytes[start, end)`, or undefined. `hash` is `ByteCodeCache.hash` of the same bytes. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number | undefined {
    if (this.count === 0) return undefined;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === -1) {
        if (this.full) this.fullMisses++;
        return undefined;
      }
      if (this.hashes[entry] === hash && this.equals(entry, bytes, start, end)) {
        this.hits++;
        return this.codes[entry];
      }
    }
  }

  /** Remembers `code` for the bytes (not found before); false, ignored, when full or the cell is long. */
  add(bytes: Uint8Array, start: number, end: number, hash: number, code: number): boolean {
    const length = end - start;
    this.offered++;
    if (this.count >= MAX_ENTRIES || length > MAX_ENTRY_BYTES) return false;
    if (this.count === this.starts.length - 1 || this.starts.length === 0) this.growEntries();
    if (this.used + length > this.arena.length)
      this.arena = this.grown(this.arena, Math.max(256, 2 * (this.used + length)));
    this.arena.set(bytes.subarray(start, end), this.used);
    const entry = this.count++;
    this.starts[entry] = this.used;
    this.used += length;
    this.starts[entry + 1] = this.used;
    this.codes[entry] = code;
    this.hashes[entry] = hash;
    this.place(entry);
    return true;
  }

  /** FNV-1a of the bytes. */
  static hash(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    return hash >>> 0;
  }

  private equals(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[entry]!;
    if (this.starts[entry + 1]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private growEntries(): void {
    const entries = Math.min(MAX_ENTRIES, Math.max(16, 2 * this.codes.length));
    this.starts = this.grown(this.starts, entries + 1);
    this.codes = this.grown(this.codes, entries);
    this.hashes = this.grown(this.hashes, entries);
    this.memory?.hold(entries * 4 * Int32Array.BYTES_PER_ELEMENT - this.table.byteLength);
    this.table = new Int32Array(entries * 4).fill(-1);
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }

  private place(entry: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.table[slot] !== -1) slot = (slot + 1) & mask;
    this.table[slot] = entry;
  }

  private grown<T extends Uint8Array | Int32Array | Uint32Array>(array: T, length: number): T {
    this.memory?.hold((length - array.length) * array.BYTES_PER_ELEMENT);
    const next = new (array.constructor as new (length: number) => T)(length);
    next.set(array);
    return next;
  }
}
