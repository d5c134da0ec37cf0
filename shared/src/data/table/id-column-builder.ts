import { BlockArray } from "./block-array.js";
import type { HeldMemory } from "./block-array.js";
import type { ColumnBuilder } from "./column-builder.js";
import type { IdInterner } from "./id-interner.js";
import { isBlankText } from "./is-blank-text.js";
import type { StringColumn } from "./table.js";
import { toCellText } from "./to-cell-text.js";

/**
 * Builds a column of ids through a shared `IdInterner`: each cell's code is its id's code there (missing: -1,
 * blank text as in string columns). The finished column's `dictionary` is empty: the interner holds the text.
 * Delimited files hand it the bytes of each cell, so no string is made per id.
 */
export class IdColumnBuilder implements ColumnBuilder {
  private readonly codes: BlockArray<Int32Array>;
  private missing = 0;

  constructor(
    readonly name: string,
    private readonly interner: IdInterner,
    expectedRows = 0,
    memory?: HeldMemory,
  ) {
    this.codes = new BlockArray(Int32Array, expectedRows, memory);
    if (memory) interner.track(memory);
  }

  /** A cell as bytes: printable ASCII is interned as it is; anything else goes through its text, as `pushText`. */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    let plain = end > start;
    for (let i = start; plain && i < end; i++) plain = bytes[i]! > 0x20 && bytes[i]! < 0x7f;
    if (plain) this.codes.push(this.interner.intern(bytes, start, end));
    else this.pushText(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8"));
  }

  pushText(text: string): void {
    if (isBlankText(text)) this.pushMissing();
    else this.codes.push(this.interner.internText(text));
  }

  pushValue(value: unknown): void {
    const text = typeof value === "string" ? value : toCellText(value);
    if (text === undefined) this.pushMissing();
    else this.pushText(text);
  }

  finish(): StringColumn {
    return { kind: "string", name: this.name, codes: this.codes.toArray(), dictionary: [], missing: this.missing };
  }

  private pushMissing(): void {
    this.codes.push(-1);
    this.missing++;
  }
}
