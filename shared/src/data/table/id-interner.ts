import type { HeldMemory } from "./block-array.js";

/**
 * Request ids (or any keys) interned as bytes: each distinct id is stored once in one byte arena and numbered in
 * order of first appearance, found again through an open-addressing hash table of codes. A million ids cost
 * about their bytes plus 16 bytes each, against ~100 bytes each as JavaScript strings in a Map. Several columns
 * (the production and the shadow log) can share one interner, so equal ids get equal codes and a join needs no
 * second table.
 */
export class IdInterner {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** starts[c]..starts[c + 1] are the bytes of code c. */
  private starts = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private table = new Int32Array(1 << 13).fill(-1);
  private count = 0;
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
    return this.intern(this.scratch, 0, this.scratch.utf8Write(text, 0));
  }

  /** The id of `code` as text. */
  text(code: number): string {
    return Buffer.from(
      this.arena.buffer,
      this.arena.byteOffset + this.starts[code]!,
      this.starts[code + 1]! - this.starts[code]!,
    ).toString("utf8");
  }

  private append(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    if (this.used + length > this.arena.length) this.arena = grow(this.arena, this.used + length, this.memory);
    if (this.count + 2 > this.starts.length) {
      this.starts = grow(this.starts, this.count + 2, this.memory);
      this.hashes = grow(this.hashes, this.count + 2, this.memory);
    }
    this.arena.set(bytes.subarray(start, end), this.used);
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

  private rehash(): void {
    this.memory?.hold(this.table.byteLength);
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let code = 0; code < this.count; code++) {
      let slot = this.hashes[code]! & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = code;
    }
    this.table = table;
  }
}

// Buffer's own UTF-8 encoder, without write()'s argument checks (on every Buffer, in Node 20 and 24 alike).
type Utf8Writing = Buffer & { utf8Write(text: string, offset: number): number };

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
