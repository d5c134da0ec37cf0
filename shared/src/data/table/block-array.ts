type TypedArray = Float64Array | Int32Array;

/** Where a reader's columns account for the memory they hold (a `TableGuard`): `hold` may refuse. */
export interface HeldMemory {
  hold(bytes: number): void;
  release(bytes: number): void;
}

/**
 * Frees a block's memory now instead of at the next major GC: `transfer(0)` detaches the buffer (Node 21+,
 * so the node24 runtime of the actions; on Node 20 the blocks wait for the GC as before).
 */
function release(block: TypedArray): void {
  (block.buffer as { transfer?: (length: number) => unknown }).transfer?.(0);
}

/** The largest block; the first holds `FIRST_BLOCK_LENGTH` and each next one twice the one before, up to this. */
const BLOCK_LENGTH = 1 << 16;
const FIRST_BLOCK_LENGTH = 1 << 6;

/**
 * A typed array of unknown final length, filled in blocks and joined once at the end. Doubling a single
 * array would copy on every growth and hold up to three times the data at the peak; blocks never copy until
 * `toArray`, so the peak is at most twice the data, briefly. Blocks start small and double up to 64 Ki
 * values, so memory follows the rows seen: a file of 20,000 columns and 5 rows holds 20,000 × 64 values, not
 * 20,000 × 64 Ki (a fixed first block cost 140 KB per column, whatever the rows).
 */
export class BlockArray<T extends TypedArray> {
  private readonly blocks: T[] = [];
  private block: T;
  private used = 0;
  private full = 0;
  private held = 0;

  /**
   * @param expectedLength when known (Parquet's row count), the first block holds exactly that many.
   * @param memory charged with each block before it is allocated, so a refusal comes before the allocation.
   */
  constructor(
    private readonly create: { new (length: number): T; readonly BYTES_PER_ELEMENT: number },
    expectedLength = 0,
    private readonly memory?: HeldMemory,
  ) {
    this.block = this.allocate(expectedLength > 0 ? expectedLength : FIRST_BLOCK_LENGTH);
  }

  get length(): number {
    return this.full + this.used;
  }

  /** Values that fit before the next block is charged and allocated. */
  get room(): number {
    return this.block.length - this.used;
  }

  push(value: number): void {
    if (this.used === this.block.length) this.nextBlock();
    this.block[this.used++] = value;
  }

  /** Drops the values and gives back the memory they were charged: the column is read again another way. */
  discard(): void {
    this.blocks.splice(0);
    this.block = new this.create(0);
    this.used = 0;
    this.full = 0;
    this.memory?.release(this.held);
    this.held = 0;
  }

  private nextBlock(): void {
    this.blocks.push(this.block);
    this.full += this.used;
    this.block = this.allocate(Math.min(BLOCK_LENGTH, Math.max(FIRST_BLOCK_LENGTH, this.block.length * 2)));
    this.used = 0;
  }

  private allocate(length: number): T {
    const bytes = length * this.create.BYTES_PER_ELEMENT;
    this.memory?.hold(bytes);
    this.held += bytes;
    return new this.create(length);
  }

  /** Appends `values[start, end)`, copied block by block (a page of numbers at once rather than value by value). */
  pushAll(values: { subarray(start: number, end: number): ArrayLike<number> }, start: number, end: number): void {
    while (start < end) {
      if (this.used === this.block.length) this.nextBlock();
      const take = Math.min(end - start, this.block.length - this.used);
      this.block.set(values.subarray(start, start + take), this.used);
      this.used += take;
      start += take;
    }
  }

  /** Appends `count` copies of `value`. */
  fill(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push(value);
  }

  /**
   * The values as one array of exactly `length`. Each block is released as soon as it is copied, so a
   * table's columns are joined one after another with a peak of the output plus one column's blocks.
   * The builder is empty afterwards.
   */
  toArray(): T {
    const { block, used } = this;
    const blocks = this.blocks.splice(0);
    this.block = new this.create(0);
    this.used = 0;
    this.full = 0;
    if (blocks.length === 0 && used === block.length) return block;
    // A first block sized from an estimate of the row count and nearly filled is returned as a view: the slack
    // (at most an eighth) costs less than a copy, which would hold the data twice at the peak.
    if (blocks.length === 0 && used >= block.length - (block.length >>> 3)) return block.subarray(0, used) as T;
    const out = new this.create(blocks.reduce((sum, full) => sum + full.length, used));
    let offset = 0;
    for (const full of [...blocks, block.subarray(0, used)]) {
      out.set(full, offset);
      offset += full.length;
      release(full);
    }
    return out;
  }
}
