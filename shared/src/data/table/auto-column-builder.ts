import { CELL_MISSING, CELL_NON_NUMERIC } from "./column-builder.js";
import type { HeldMemory } from "./block-array.js";
import type { CellKind, ColumnBuilder } from "./column-builder.js";
import type { NumberCells } from "./number-cells.js";
import { NumberColumnBuilder } from "./number-column-builder.js";
import { StringColumnBuilder } from "./string-column-builder.js";
import type { TableColumn } from "./table.js";
import { utf8Text } from "./utf8-text.js";

/** The text side of an auto column: a builder of strings that can start with a run of missing cells. */
export interface TextCells<Column> extends ColumnBuilder<Column> {
  pushMissing(count: number): void;
  finish(): Column;
}

/** The two builders an auto column chooses between; by default the table's number and string columns. */
export interface AutoParts<Column> {
  numbers(): NumberCells<Column>;
  strings(): TextCells<Column>;
}

/**
 * Builds an "auto" column: numbers when every present cell is numeric, where NaN/inf spellings count as
 * numeric (non-finite) so a float column with one "inf" stays a float column; otherwise strings.
 *
 * It reads numbers until the first non-numeric cell. If every earlier cell was blank, it switches to strings
 * on the spot (the blanks are missing either way). If numbers came first, their exact text is gone ("1.0" was
 * kept as 1), so it stops and `finish` returns undefined: the caller reads this column again as strings.
 * Keeping every cell's text in case would cost a string per cell on the common, all-numeric path.
 */
export class AutoColumnBuilder<Column = TableColumn> implements ColumnBuilder<Column> {
  private numbers: NumberCells<Column> | undefined;
  private strings: TextCells<Column> | undefined;
  private rows = 0;
  private blankRows = 0;
  private needsStringPass = false;

  constructor(
    readonly name: string,
    private readonly parts: AutoParts<Column>,
  ) {
    this.numbers = parts.numbers();
  }

  /** The auto column of a table: `NumberColumnBuilder` or `StringColumnBuilder`. */
  static ofTable(name: string, expectedRows = 0, memory?: HeldMemory): AutoColumnBuilder {
    return new AutoColumnBuilder<TableColumn>(name, {
      numbers: () => new NumberColumnBuilder(name, expectedRows, memory),
      strings: () => new StringColumnBuilder(name, expectedRows, memory),
    });
  }

  pushText(text: string): void {
    if (this.numbers) this.check(this.numbers.pushText(text), text);
    else this.strings?.pushText(text);
  }

  /** A delimited file's cell as bytes: read as text while the column reads numbers; as bytes by a text builder that takes them. */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    if (this.numbers) this.pushText(utf8Text(bytes, start, end));
    else if (this.strings?.pushBytes !== undefined) this.strings.pushBytes(bytes, start, end);
    else if (this.strings) this.strings.pushText(utf8Text(bytes, start, end));
  }

  readsNumbers(): boolean {
    return this.numbers !== undefined;
  }

  get numbersInRuns(): boolean {
    return this.numbers?.numbersInRuns === true;
  }

  roomForNumbers(): number {
    return this.numbers?.roomForNumbers() ?? 0;
  }

  pushNumbers(values: ArrayLike<number>, start: number, end: number): boolean {
    // Numbers are never non-numeric cells: the column stays a number column.
    if (!this.numbers) return false;
    this.numbers.pushNumbers(values, start, end);
    this.rows += end - start;
    return true;
  }

  pushIndexed(dictionary: readonly string[], indices: Int32Array, start: number, end: number): boolean {
    // Until the column is text, each cell decides (a text cell switches it, or asks for a second pass).
    return this.numbers === undefined && this.strings?.pushIndexed?.(dictionary, indices, start, end) === true;
  }

  pushValue(value: unknown): void {
    if (this.numbers) this.check(this.numbers.pushValue(value), value);
    else this.strings?.pushValue(value);
  }

  finish(): Column | undefined {
    if (this.needsStringPass) return undefined;
    return (this.numbers ?? this.strings)?.finish();
  }

  private check(kind: CellKind, cell: unknown): void {
    this.rows++;
    if (kind === CELL_MISSING) this.blankRows++;
    if (kind !== CELL_NON_NUMERIC) return;
    this.numbers!.discard();
    this.numbers = undefined;
    if (this.blankRows < this.rows - 1) {
      this.needsStringPass = true;
      return;
    }
    this.strings = this.parts.strings();
    this.strings.pushMissing(this.blankRows);
    this.strings.pushValue(cell);
  }
}
