import { BlockArray } from "./block-array.js";
import type { HeldMemory } from "./block-array.js";
import { NumberCells } from "./number-cells.js";
import type { NumberColumn } from "./table.js";

/** Runs shorter than this are pushed value by value. */
const MIN_COPIED_RUN = 64;

/** Builds a `NumberColumn`: every cell read as `NumberCells` reads it, NaN where a cell holds no number. */
export class NumberColumnBuilder extends NumberCells<NumberColumn> {
  private readonly values: BlockArray<Float64Array>;

  constructor(name: string, expectedRows = 0, memory?: HeldMemory) {
    super(name);
    this.values = new BlockArray(Float64Array, expectedRows, memory);
  }

  /** Drops the numbers read so far and the memory they held (an auto column that turned out to be text). */
  discard(): void {
    this.values.discard();
  }

  finish(): NumberColumn {
    const [, missing = 0, nonFinite = 0, nonNumeric = 0] = this.counts;
    return { kind: "number", name: this.name, values: this.values.toArray(), missing, nonNumeric, nonFinite };
  }

  /**
   * A run of typed numbers: copied at once when every one is finite, else read value by value (NaN for the others).
   * Short runs (the CSV pass hands a table's builders one number at a time) go value by value: a copy's
   * `subarray` per number cost more than the numbers themselves.
   */
  override pushNumbers(values: ArrayLike<number>, start: number, end: number): boolean {
    if (end - start < MIN_COPIED_RUN) return super.pushNumbers(values, start, end);
    if (!(values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array))
      return super.pushNumbers(values, start, end);
    // The engine's own search over the run (includes finds NaN) rather than a check per value in a cold loop.
    const run = values.subarray(start, end);
    if (run.includes(Number.NaN) || run.includes(Infinity) || run.includes(-Infinity))
      return super.pushNumbers(values, start, end);
    this.values.pushAll(values, start, end);
    return true;
  }

  /** Numbers that fit in the block already charged: each cell, number or not, takes one value. */
  override roomForNumbers(): number {
    return this.values.room;
  }

  protected add(value: number): void {
    this.values.push(value);
  }

  protected addNaN(): void {
    this.values.push(Number.NaN);
  }
}
