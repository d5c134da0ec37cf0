import type { ColumnBuilder } from "./column-builder.js";
import type { TableGuard } from "../files/read-limits.js";
import { parseDecimalBytes } from "./parse-decimal-bytes.js";
import { resolveRequests } from "./column-request.js";
import type { ColumnRequest, ColumnRequests } from "./column-request.js";

/** Numbers gathered per position for a builder that takes runs, and in all (a wide file gets shorter runs). */
const MAX_RUN = 4096;
const FIRST_RUN = 16;
const MAX_RUN_VALUES = 1 << 18;

/** Thrown inside the byte-level pass when the file needs the full parser; never leaves the pass. */
export class NeedsFullParser extends Error {}

/** Binds the header to builders, as the full parser does (same positions, warnings and errors). */
export type BindBuilders = (
  header: readonly string[],
  requests: readonly ColumnRequest[],
  expectedRows: number,
) => Array<readonly [number, ColumnBuilder<unknown>]>;

// Buffer's own decoders, without toString's argument checks (they are on every Buffer, in Node 20 and 24 alike).
export type FastDecode = Buffer & {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};

/**
 * The cells of an unquoted delimited file on their way to the builders, shared by the pass's two line readers (bytes,
 * and the engine's string functions): the builder of each field position, and the numbers read for the positions
 * whose builders read numbers, handed over in runs: as long as the builder likes (`numbersInRuns`), else as many as
 * fit in the memory it holds already (`roomForNumbers`), so that a number that needs more is handed over at its row.
 */
export class DelimitedCells {
  fileColumns: string[] | undefined;
  width = 0;
  bound: Array<readonly [number, ColumnBuilder<unknown>]> = [];
  /** Builder of each field position, undefined for columns not requested. */
  byPosition: Array<ColumnBuilder<unknown> | undefined> = [];
  /** The positions that have a builder, in file order. */
  positions: number[] = [];
  /** 1 for each position whose builder reads numbers, until its column turns to text. */
  numeric = new Uint8Array(0);
  /** The numbers read for each such position and not yet handed over, how many, and how many to gather at most. */
  runs: Float64Array[] = [];
  filled = new Int32Array(0);
  gather = new Int32Array(0);
  private runLengths = new Int32Array(0);

  constructor(
    readonly delimiter: "," | "\t",
    private readonly requests: ColumnRequests,
    private readonly bind: BindBuilders,
    /** Counts the rows and columns against the run's limits. */
    readonly guard: TableGuard,
  ) {}

  /** Binds the header line (no quote, no CR) to the builders; `expectedRows` sizes them, 0 when unknown. */
  readHeader(header: string, expectedRows: number): void {
    const fileColumns = header.split(this.delimiter);
    const width = fileColumns.length;
    this.guard.columns(width);
    this.fileColumns = fileColumns;
    this.width = width;
    this.bound = this.bind(fileColumns, resolveRequests(this.requests, fileColumns), expectedRows);
    this.byPosition = new Array<ColumnBuilder<unknown> | undefined>(width);
    this.numeric = new Uint8Array(width);
    this.runs = new Array<Float64Array>(width);
    this.filled = new Int32Array(width);
    this.gather = new Int32Array(width);
    this.runLengths = new Int32Array(width);
    const runLength = Math.max(1, Math.min(MAX_RUN, Math.floor(MAX_RUN_VALUES / width)));
    for (const [position, builder] of this.bound) {
      this.byPosition[position] = builder;
      if (builder.pushNumbers === undefined) continue;
      this.numeric[position] = 1;
      this.runs[position] = new Float64Array(Math.min(FIRST_RUN, runLength));
      this.runLengths[position] = runLength;
      this.gather[position] = gatherUpTo(builder, FIRST_RUN);
    }
    this.positions = this.bound.map(([position]) => position).sort((a, b) => a - b);
  }

  /** Hands the numbers read for a position over to its builder. */
  flushNumbers(field: number): void {
    const count = this.filled[field]!;
    if (count === 0) return;
    this.filled[field] = 0;
    // Never refused: a position stops reading numbers as soon as its builder does (after a text cell).
    const run = this.runs[field]!;
    if (!this.byPosition[field]!.pushNumbers!(run, 0, count)) throw new NeedsFullParser();
    // Runs start short, so the code that hands them over runs early (while the engine still learns the code).
    const runLength = this.runLengths[field]!;
    const next = run.length < runLength ? new Float64Array(Math.min(4 * run.length, runLength)) : run;
    this.runs[field] = next;
    this.gather[field] = gatherUpTo(this.byPosition[field]!, next.length);
  }

  /** Hands every position's pending numbers over: the end of the file. */
  flushAll(): void {
    for (let field = 0; field < this.width; field++) if (this.numeric[field] === 1) this.flushNumbers(field);
  }

  /** A cell no fast path took, as bytes: a number read from them when it can be, else bytes or text. */
  readCell(field: number, buf: FastDecode, start: number, end: number, wide: number): void {
    const builder = this.byPosition[field];
    if (builder === undefined) return;
    if (this.numeric[field] === 1) {
      const number = parseDecimalBytes(buf, start, end);
      if (number === number) {
        this.pushNumber(field, number);
        return;
      }
      this.flushNumbers(field);
    }
    if (builder.pushBytes !== undefined) builder.pushBytes(buf, start, end);
    else builder.pushText(wide === 0 ? buf.latin1Slice(start, end) : buf.utf8Slice(start, end));
    this.afterText(field, builder);
  }

  /** A cell no fast path took, as text (the same cell `readCell` reads from its bytes). */
  readText(field: number, text: string): void {
    const builder = this.byPosition[field]!;
    if (this.numeric[field] === 1) this.flushNumbers(field);
    builder.pushText(text);
    this.afterText(field, builder);
  }

  /**
   * After a text cell: an auto column may have turned to text (no more numbers to try then); else the cell, read
   * by the builder itself, took room that the next run must not count on.
   */
  private afterText(field: number, builder: ColumnBuilder<unknown>): void {
    if (this.numeric[field] !== 1) return;
    if (builder.readsNumbers?.() === false) this.numeric[field] = 0;
    else this.gather[field] = gatherUpTo(builder, this.runs[field]!.length);
  }

  /** A number for a position that reads numbers. */
  pushNumber(field: number, number: number): void {
    this.runs[field]![this.filled[field]!++] = number;
    if (this.filled[field] === this.gather[field]) this.flushNumbers(field);
  }
}

/** How many numbers to gather for `builder` before handing them over, at most `length` and at least one. */
function gatherUpTo(builder: ColumnBuilder<unknown>, length: number): number {
  if (builder.numbersInRuns === true) return length;
  return Math.max(1, Math.min(length, builder.roomForNumbers?.() ?? 1));
}
