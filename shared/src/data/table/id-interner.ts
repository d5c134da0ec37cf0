import type { HeldMemory } from "./block-array.js";

/**
 * Request ids (or any keys) interned as bytes: each distinct id is stored once in one byte arena and numbered in
 * order of first appearance, found again through an open-addressing hash table of codes. A million ids cost
 * about their bytes plus 16 bytes each, against ~100 bytes each as JavaScript strings in a Map. Several columns
 * (the production and the shadow log) can share one interner, so equal ids get equal codes and a join needs no
 * second table.
 *
 * The first ids (up to `SMALL_IDS`, `SMALL_BYTES` of them) are found through a `Map` keyed by their bytes as Latin-1
 * text instead (an ASCII id's own text): the engine hashes and compares strings natively, fast from the first call,
 * where the byte hash runs interpreted in a short run. Past that the hash table is built from the arena and takes
 * over; codes are the same either way (order of first appearance).
 */
export class IdInterner {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** starts[c]..starts[c + 1] are the bytes of code c. */
  private starts = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private table = new Int32Array(1 << 13).fill(-1);
  private count = 0;
  /** Code by id bytes as Latin-1 text, while the interner is small; undefined once the hash table took over. */
  private known: Map<string, number> | undefined = new Map();
  private readonly encoder = new TextEncoder();
  private scratch = Buffer.allocUnsafe(3 * 64) as Utf8Writing;
  private memory: HeldMemory | undefined;

  /** Charges the interner's growth from now on to `memory` (the guard of the pass reading into it). */
  track(memory: HeldMemory): void {
    if (this.memory === undefined) memory.hold(this.bytes);
    this.memory = memory;
  }

  /** Bytes the interner's arrays take. */
  get bytes(): number {
    return this.arena.byteLength + this.starts.byteLength + this.hashes.byteLength + this.table.byteLength;
  }

  /** Distinct ids interned so far. */
  get size(): number {
    return this.count;
  }

  /** The code of the id in `bytes[start, end)`, interning it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    if (this.known) return this.internKey(latin1Slice.call(bytes, start, end), bytes, start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    hash >>>= 0;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.table[slot]!;
      if (code === -1) {
        const created = this.append(bytes, start, end, hash);
        this.table[slot] = created;
        if (this.count * 2 > this.table.length) this.rehash();
        return created;
      }
      if (this.hashes[code] === hash && this.equals(code, bytes, start, end)) return code;
    }
  }

  /** The code of a text id (UTF-8), interning it when new. */
  internText(text: string): number {
    // Encoded into one reused buffer (3 bytes per UTF-16 unit at most): no array made per id of usual length. Buffer's
    // own encoder (lone surrogates become U+FFFD, as TextEncoder makes them) skips TextEncoder's argument checks.
    if (this.scratch.length < 3 * text.length) {
      if (text.length > SCRATCH_CHARS) {
        const bytes = this.encoder.encode(text);
        return this.intern(bytes, 0, bytes.length);
      }
      this.scratch = Buffer.allocUnsafe(3 * SCRATCH_CHARS) as Utf8Writing;
    }
    const length = this.scratch.utf8Write(text, 0);
    // As many bytes as UTF-16 units only when every unit is ASCII: then the text is its own Latin-1 key.
    if (this.known) {
      const key = length === text.length ? text : latin1Slice.call(this.scratch, 0, length);
      return this.internKey(key, this.scratch, 0, length);
    }
    return this.intern(this.scratch, 0, length);
  }

  /** The id of `code` as text. */
  text(code: number): string {
    return Buffer.from(
      this.arena.buffer,
      this.arena.byteOffset + this.starts[code]!,
      this.starts[code + 1]! - this.starts[code]!,
    ).toString("utf8");
  }

  private internKey(key: string, bytes: Uint8Array, start: number, end: number): number {
    const known = this.known!;
    const found = known.get(key);
    if (found !== undefined) return found;
    const code = this.append(bytes, start, end, 0, key);
    known.set(key, code);
    if (this.count >= SMALL_IDS || this.used >= SMALL_BYTES) this.index();
    return code;
  }

  /** Hashes every id interned so far into the table, which finds ids from now on. */
  private index(): void {
    for (let code = 0; code < this.count; code++) {
      let hash = 0x811c9dc5;
      for (let i = this.starts[code]!; i < this.starts[code + 1]!; i++)
        hash = Math.imul(hash ^ this.arena[i]!, 0x01000193);
      this.hashes[code] = hash >>> 0;
    }
    this.known = undefined;
    let length = this.table.length;
    while (this.count * 2 > length) length *= 2;
    this.rehash(length);
  }

  /** Appends the id in `bytes[start, end)`, copied from its Latin-1 `key` when given (no view made per id). */
  private append(bytes: Uint8Array, start: number, end: number, hash: number, key?: string): number {
    const length = end - start;
    if (this.used + length > this.arena.length) this.arena = grow(this.arena, this.used + length, this.memory);
    if (this.count + 2 > this.starts.length) {
      this.starts = grow(this.starts, this.count + 2, this.memory);
      this.hashes = grow(this.hashes, this.count + 2, this.memory);
    }
    if (key === undefined) this.arena.set(bytes.subarray(start, end), this.used);
    else latin1Write.call(this.arena, key, this.used);
    const code = this.count++;
    this.starts[code] = this.used;
    this.used += length;
    this.starts[code + 1] = this.used;
    this.hashes[code] = hash;
    return code;
  }

  private equals(code: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[code]!;
    if (this.starts[code + 1]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private rehash(length = this.table.length * 2): void {
    this.memory?.hold((length - this.table.length) * Int32Array.BYTES_PER_ELEMENT);
    const table = new Int32Array(length).fill(-1);
    const mask = table.length - 1;
    for (let code = 0; code < this.count; code++) {
      let slot = this.hashes[code]! & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = code;
    }
    this.table = table;
  }
}

// Buffer's own UTF-8 encoder and Latin-1 decoder and encoder, without write()'s and toString()'s argument checks (on
// every Buffer, in Node 20 and 24 alike; the Latin-1 ones work on any Uint8Array).
type Utf8Writing = Buffer & { utf8Write(text: string, offset: number): number };
const { latin1Slice, latin1Write } = Buffer.prototype as unknown as {
  latin1Slice(this: Uint8Array, start: number, end: number): string;
  latin1Write(this: Uint8Array, text: string, offset: number): number;
};

/** Ids found through the Map before the hash table takes over: about what a small log's cold run interns. */
const SMALL_IDS = 4096;
const SMALL_BYTES = 1 << 18;

/** Ids up to this many UTF-16 units are encoded into the reused buffer. */
const SCRATCH_CHARS = 1024;

function grow<T extends Uint8Array | Int32Array | Uint32Array>(
  array: T,
  needed: number,
  memory: HeldMemory | undefined,
): T {
  let length = array.length * 2;
  while (length < needed) length *= 2;
  memory?.hold((length - array.length) * array.BYTES_PER_ELEMENT);
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
