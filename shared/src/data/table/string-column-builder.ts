import { BlockArray } from "./block-array.js";
import type { HeldMemory } from "./block-array.js";
import type { ColumnBuilder } from "./column-builder.js";
import { isBlankText } from "./is-blank-text.js";
import { TEXT_ENTRY_BYTES } from "../files/read-limits.js";
import type { StringColumn } from "./table.js";
import { toCellText } from "./to-cell-text.js";

/**
 * Builds a dictionary-encoded `StringColumn`. Text is kept exactly (no trimming, no case folding); blank
 * text is missing, as in number columns. Typed cells are turned into text by `toCellText`.
 */
export class StringColumnBuilder implements ColumnBuilder {
  private readonly codes: BlockArray<Int32Array>;
  private readonly dictionary: string[] = [];
  private index = new Map<string, number>();
  private missing = 0;

  constructor(
    readonly name: string,
    expectedRows = 0,
    private readonly memory?: HeldMemory,
  ) {
    this.codes = new BlockArray(Int32Array, expectedRows, memory);
  }

  pushText(text: string): void {
    if (isBlankText(text)) {
      this.pushMissing(1);
      return;
    }
    let code = this.index.get(text);
    if (code === undefined) {
      this.memory?.hold(2 * text.length + TEXT_ENTRY_BYTES);
      code = this.dictionary.length;
      this.index.set(text, code);
      this.dictionary.push(text);
    }
    this.codes.push(code);
  }

  pushValue(value: unknown): void {
    const text = typeof value === "string" ? value : toCellText(value);
    if (text === undefined) this.pushMissing(1);
    else this.pushText(text);
  }

  pushMissing(count: number): void {
    this.codes.fill(-1, count);
    this.missing += count;
  }

  /** The column; the lookup map of its texts is let go here, as the pass's closures may outlive the read a while. */
  finish(): StringColumn {
    this.index = new Map();
    return { kind: "string", name: this.name, codes: this.codes.toArray(), dictionary: this.dictionary, missing: this.missing };
  }
}
