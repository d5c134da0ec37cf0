import { CELL_MISSING, CELL_NON_FINITE, CELL_NON_NUMERIC, CELL_NUMBER } from "./column-builder.js";
import type { CellKind, ColumnBuilder } from "./column-builder.js";
import { classifyNonNumberText, parseNumberText } from "./parse-number-text.js";

const KIND: Record<ReturnType<typeof classifyNonNumberText>, CellKind> = {
  missing: CELL_MISSING,
  nonFinite: CELL_NON_FINITE,
  nonNumeric: CELL_NON_NUMERIC,
};

/**
 * Reads a column's cells as numbers, for a builder that keeps them (`NumberColumnBuilder`) or only summarizes
 * them (a streamed profile): one reading for both. Text goes through `parseNumberText`; typed cells: finite
 * numbers as they are, NaN/±Infinity non-finite, bigint (Parquet INT64) rounded to the nearest double, booleans
 * 1 and 0, null/undefined missing, anything else (dates, nested values) non-numeric. `counts` holds the cells
 * that are not numbers, by kind.
 */
export abstract class NumberCells<Column> implements ColumnBuilder<Column> {
  protected readonly counts = [0, 0, 0, 0];
  /** Whether numbers cost no memory per cell (a summary): see `ColumnBuilder.numbersInRuns`. */
  readonly numbersInRuns: boolean = false;

  constructor(readonly name: string) {}

  pushText(text: string): CellKind {
    const value = parseNumberText(text);
    if (value === value) return this.number(value);
    return this.notNumber(KIND[classifyNonNumberText(text)]);
  }

  pushNumbers(values: ArrayLike<number>, start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
      const value = values[i]!;
      if (value - value === 0) this.add(value);
      else this.notNumber(CELL_NON_FINITE);
    }
    return true;
  }

  pushValue(value: unknown): CellKind {
    switch (typeof value) {
      case "number":
        return value - value === 0 ? this.number(value) : this.notNumber(CELL_NON_FINITE);
      case "string":
        return this.pushText(value);
      case "bigint":
        return this.number(Number(value));
      case "boolean":
        return this.number(value ? 1 : 0);
      case "undefined":
        return this.notNumber(CELL_MISSING);
      default:
        return this.notNumber(value === null ? CELL_MISSING : CELL_NON_NUMERIC);
    }
  }

  /** Numbers `pushNumbers` takes without holding more memory (see `ColumnBuilder.roomForNumbers`); none by default. */
  roomForNumbers(): number {
    return 0;
  }

  /** Drops what was kept of the cells so far (an auto column that turned out to be text). */
  abstract discard(): void;

  abstract finish(): Column;

  /** A finite number cell. */
  protected abstract add(value: number): void;

  /** A cell that is no number, already counted by kind. */
  protected abstract addNaN(): void;

  private number(value: number): CellKind {
    this.add(value);
    return CELL_NUMBER;
  }

  private notNumber(kind: CellKind): CellKind {
    this.addNaN();
    this.counts[kind]!++;
    return kind;
  }
}
