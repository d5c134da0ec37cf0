import { formatByteSize } from "../../core/byte-size.js";
import { LimitError } from "./limit-error.js";
import type { TableSource } from "./table-source.js";

/** The limits on what one gate run reads, by the names the policy's `limits:` section and `--limit` use. */
export const READ_LIMIT_NAMES = ["rows", "columns", "bytes", "memory"] as const;
export type ReadLimitName = (typeof READ_LIMIT_NAMES)[number];
export type ReadLimitValues = Record<ReadLimitName, number>;

/**
 * Defaults sized for a GitHub-hosted runner (7 GiB on the smallest): with them no table input takes a gate past
 * 2 GiB resident. `memory` is what the tables of one run hold together (data and reference, candidate and
 * baseline); `rows` and `columns` are per table; `bytes` is a table file's size uncompressed (CSV/TSV/JSONL text
 * after gunzip, Parquet column data), which bounds the time a small .gz can cost.
 */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimitValues> = {
  rows: 10_000_000,
  columns: 20_000,
  bytes: 2 * 2 ** 30,
  memory: 2 ** 30,
};

/** A row (JSONL line) longer than this is refused in every table: tabular data, not a blob (1 MiB of text). */
export const MAX_ROW_CHARS = 1 << 20;

/**
 * Bytes charged per distinct text value beside two per character: its string, map entry and dictionary slot take
 * about 80 on the heap, and the garbage collector's headroom half as much again (measured: ten million distinct
 * 9-character ids peak at 1.5 GB resident while read).
 */
export const TEXT_ENTRY_BYTES = 128;

/**
 * Share of the memory limit a document read whole and parsed may have: parsing YAML (the policy, metrics files, also
 * when they are JSON) holds about 55 times the text (a 10 MB JSON file took 650 MB); `JSON.parse` (explanation
 * summaries, profiles, manifests) about 8 times, so those may have twice as much.
 */
export const DOCUMENT_MEMORY_SHARE = 64;
export const JSON_DOCUMENT_MEMORY_SHARE = 32;

/**
 * The limits of one gate run and the memory its tables hold so far, shared by every table the run reads (pass
 * the same instance through `FileAccess.limits`). Refusals name the file, the limit, the value reached and the
 * setting to change (`setting`: `limits.rows in modelgate.yml`, `--limit rows=N`).
 */
export class ReadLimits {
  readonly values: Readonly<ReadLimitValues>;

  constructor(
    values: Partial<ReadLimitValues> = {},
    readonly setting: (name: ReadLimitName) => string = (name) => `limits.${name} in the policy`,
    /** The run's memory account, shared with the limits derived from these (`withoutRowLimit`). */
    private readonly account = { held: 0 },
  ) {
    this.values = { ...DEFAULT_READ_LIMITS, ...values };
  }

  /** Bytes the tables read so far hold (estimated: 8 per number cell, 4 per text cell, each distinct text twice its length + 128). */
  get held(): number {
    return this.account.held;
  }

  /**
   * The same limits and memory account without the rows limit: for a read that keeps no row (a streamed profile),
   * where more rows cost time, bounded by the bytes limit, but no memory.
   */
  withoutRowLimit(): ReadLimits {
    return new ReadLimits({ ...this.values, rows: Number.MAX_SAFE_INTEGER }, this.setting, this.account);
  }

  /** Sets what the run holds back to `held`: the tables of a read that failed are let go. */
  releaseTo(held: number): void {
    this.account.held = Math.min(this.account.held, held);
  }

  /** Adds `bytes` held by a table read elsewhere (on a worker thread) when they fit under `memory`; false, holding nothing, when not. */
  tryHold(bytes: number): boolean {
    if (this.account.held + bytes > this.values.memory) return false;
    this.account.held += bytes;
    return true;
  }

  /** A guard for one pass over one file. */
  guard(source: TableSource): TableGuard {
    return new TableGuard(this, source);
  }

  /** @internal Adds `bytes` to what the run holds; @throws LimitError past `memory`. */
  charge(bytes: number, guard: TableGuard): void {
    if (this.account.held + bytes > this.values.memory) throw memoryError(this, guard, bytes);
    this.account.held += bytes;
  }

  /** @internal */
  refund(bytes: number): void {
    this.account.held = Math.max(0, this.account.held - bytes);
  }
}

/** Counts what one pass over one file reads and holds, and refuses the first thing over a limit. */
export class TableGuard {
  /** Data rows counted so far by `row()`, the one being read included. */
  rows = 0;
  /** Bytes this pass's columns hold so far. */
  held = 0;
  readonly maxRows: number;

  constructor(
    readonly limits: ReadLimits,
    readonly source: TableSource,
  ) {
    this.maxRows = limits.values.rows;
  }

  /** Counts one data row, before its cells are read. @throws LimitError past `rows`. */
  row(): void {
    if (++this.rows > this.maxRows) throw rowsError(this);
  }

  /** Checks the row count a file declares up front (Parquet's footer). @throws LimitError past `rows`. */
  footerRows(count: number): void {
    if (count > this.maxRows) throw rowsError(this, count);
  }

  /** @throws LimitError when the file has more columns than `columns`. */
  columns(count: number): void {
    const { columns } = this.limits.values;
    if (count <= columns) return;
    throw new LimitError(
      `Input "${this.source.input}": ${this.source.file} has ${digits(count)} columns, more than the columns limit of ${digits(columns)}.`,
      `Raise ${this.limits.setting("columns")} if the runner has the memory for it, or drop the columns no gate reads before this step.`,
      this.source,
      { limit: "columns", value: columns, reached: count },
    );
  }

  /** @throws LimitError when a table's uncompressed size passes `bytes`; `what` says how it was measured. */
  bytes(size: number, what: "inflated" | "file" | "parquet"): void {
    const { bytes } = this.limits.values;
    if (size <= bytes) return;
    const { input, file } = this.source;
    const said = {
      inflated: `${file} inflates to more than ${formatByteSize(bytes)}, the bytes limit on a table's uncompressed size (reading stopped after ${formatByteSize(size)})`,
      file: `${file} is ${formatByteSize(size)}, more than the bytes limit of ${formatByteSize(bytes)}`,
      parquet: `${file} holds ${formatByteSize(size)} of column data uncompressed, more than the bytes limit of ${formatByteSize(bytes)}`,
    }[what];
    throw new LimitError(
      `Input "${input}": ${said}.`,
      `Raise ${this.limits.setting("bytes")} if the file is meant to be this large${what === "inflated" ? " (a small .gz that inflates this far is more often a mistake than data)" : ""}, or split it into smaller files.`,
      this.source,
      { limit: "bytes", value: bytes, reached: size },
    );
  }

  /** Holds `bytes` more for this pass's columns. @throws LimitError past `memory`. */
  hold(bytes: number): void {
    this.limits.charge(bytes, this);
    this.held += bytes;
  }

  /** Gives back bytes a column no longer holds (an "auto" column dropping its numbers to be read again as text). */
  release(bytes: number): void {
    this.limits.refund(bytes);
    this.held = Math.max(0, this.held - bytes);
  }
}

/** The refusal past the rows limit: at the row reading reached, or at the count a footer declares. */
function rowsError(guard: TableGuard, declared?: number): LimitError {
  const { input, file } = guard.source;
  const { rows } = guard.limits.values;
  const reached =
    declared === undefined ? `reading stopped at row ${digits(guard.rows)}` : `its footer declares ${digits(declared)}`;
  return new LimitError(
    `Input "${input}": ${file} has more than ${digits(rows)} data rows, the rows limit (${reached}).`,
    `Raise ${guard.limits.setting("rows")} if the runner has the memory for it (8 bytes per number cell, 4 per text cell), or split the file into smaller ones.`,
    guard.source,
    { limit: "rows", value: rows, reached: declared ?? guard.rows },
  );
}

function memoryError(limits: ReadLimits, guard: TableGuard, more: number): LimitError {
  const { input, file } = guard.source;
  const { memory } = limits.values;
  const before = limits.held - guard.held;
  const earlier = before > 0 ? `; ${formatByteSize(before)} of it held for the tables read before` : "";
  const at =
    guard.rows === 0
      ? "reached before the first row, sizing the columns for the rows the file declares"
      : `reached at row ${digits(guard.rows)}`;
  return new LimitError(
    `Input "${input}": reading ${file} would hold more than ${formatByteSize(memory)} of table data in this run, the memory limit (${at}${earlier}).`,
    `Raise ${limits.setting("memory")} if the runner has the memory (the process needs about twice it), read fewer columns (distinct texts cost the most), or split the file into smaller ones.`,
    guard.source,
    { limit: "memory", value: memory, reached: limits.held + more },
  );
}

/** 12,345,678: digits grouped for reading, the same on every machine (no locale). */
export function digits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
