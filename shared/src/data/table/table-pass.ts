import type { ColumnBuilder } from "./column-builder.js";

/** What one read through a file yields; `readTable` makes a second pass only for auto columns that turned out to be text. */
export interface TablePass {
  rows: number;
  fileColumns: readonly string[];
  /** Requested name -> its builder, for the requested columns the file has. */
  builders: Map<string, ColumnBuilder<unknown>>;
  warnings: string[];
  sha256: string;
  bytes: number;
}
