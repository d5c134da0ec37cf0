import { BlockArray } from "./block-array.js";
import type { HeldMemory } from "./block-array.js";
import { CELL_MISSING, CELL_NON_FINITE, CELL_NON_NUMERIC, CELL_NUMBER } from "./column-builder.js";
import type { CellKind, ColumnBuilder } from "./column-builder.js";
import { classifyNonNumberText, parseNumberText } from "./parse-number-text.js";
import type { NumberColumn } from "./table.js";

const KIND: Record<ReturnType<typeof classifyNonNumberText>, CellKind> = {
  missing: CELL_MISSING,
  nonFinite: CELL_NON_FINITE,
  nonNumeric: CELL_NON_NUMERIC,
};

/**
 * Builds a `NumberColumn`. Text goes through `parseNumberText`; typed cells: finite numbers as they are,
 * NaN/±Infinity non-finite, bigint (Parquet INT64) rounded to the nearest double, booleans 1 and 0,
 * null/undefined missing, anything else (dates, nested values) non-numeric.
 */
export class NumberColumnBuilder implements ColumnBuilder {
  private readonly values: BlockArray<Float64Array>;
  private readonly counts = [0, 0, 0, 0];

  constructor(
    readonly name: string,
    expectedRows = 0,
    memory?: HeldMemory,
  ) {
    this.values = new BlockArray(Float64Array, expectedRows, memory);
  }

  pushText(text: string): CellKind {
    const value = parseNumberText(text);
    if (value === value) return this.add(value);
    return this.addNaN(KIND[classifyNonNumberText(text)]);
  }

  pushParsedNumber(value: number): boolean {
    this.add(value);
    return true;
  }

  pushValue(value: unknown): CellKind {
    switch (typeof value) {
      case "number":
        return value - value === 0 ? this.add(value) : this.addNaN(CELL_NON_FINITE);
      case "string":
        return this.pushText(value);
      case "bigint":
        return this.add(Number(value));
      case "boolean":
        return this.add(value ? 1 : 0);
      case "undefined":
        return this.addNaN(CELL_MISSING);
      default:
        return this.addNaN(value === null ? CELL_MISSING : CELL_NON_NUMERIC);
    }
  }

  /** Drops the numbers read so far and the memory they held (an auto column that turned out to be text). */
  discard(): void {
    this.values.discard();
  }

  finish(): NumberColumn {
    const [, missing = 0, nonFinite = 0, nonNumeric = 0] = this.counts;
    return { kind: "number", name: this.name, values: this.values.toArray(), missing, nonNumeric, nonFinite };
  }

  private add(value: number): CellKind {
    this.values.push(value);
    return CELL_NUMBER;
  }

  private addNaN(kind: CellKind): CellKind {
    this.values.push(Number.NaN);
    this.counts[kind]!++;
    return kind;
  }
}
