import type { ColumnBuilder } from "../data/table/column-builder.js";
import { classifyNonNumberText, parseNumberText } from "../data/table/parse-number-text.js";
import { toCellText } from "../data/table/to-cell-text.js";
import { utf8Text } from "../data/table/utf8-text.js";

/** What a log's timestamp column came to, cell by cell, without keeping a cell. */
export interface TimestampCells {
  kind: "timestamps";
  rows: number;
  /** Cells missing or unreadable as a time. */
  bad: number;
  /** 0-based row of the first such cell, -1 without one. */
  firstBad: number;
  /** Earliest and latest time in ms since the epoch, and whether the cells are in time order (when `bad` is 0). */
  first: number;
  last: number;
  sorted: boolean;
}

/** An ISO 8601 date-time starts so; any other text is no time. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The earliest, latest and order of a run of times, in row order. */
class Span {
  first = Infinity;
  last = -Infinity;
  previous = -Infinity;
  sorted = true;
  count = 0;
  firstRow = -1;

  add(time: number, row: number): void {
    if (this.count++ === 0) this.firstRow = row;
    if (time < this.previous) this.sorted = false;
    this.previous = time;
    if (time < this.first) this.first = time;
    if (time > this.last) this.last = time;
  }
}

/**
 * Reads a log's timestamps as they stream by, keeping only the window: numbers are epoch seconds (below 10¹¹, i.e.
 * before the year 5138) or milliseconds, text is an ISO 8601 date-time (`Date.parse`). The cells are read as an
 * "auto" column would be: numbers when every present cell is numeric (numeric text included, NaN and infinity
 * unreadable), text otherwise, where a number's text is no date-time, so one text cell makes every number cell
 * unreadable. Blank text, JSON null and absent keys are missing. Memory is constant: no string or code per row.
 */
export class TimeWindowBuilder implements ColumnBuilder<TimestampCells> {
  private row = 0;
  private readonly numbers = new Span();
  private readonly texts = new Span();
  /** Whether a cell made the column text (a non-numeric text or a nested value). */
  private textSeen = false;
  /** Missing cells, non-finite numbers and text that is no time: unreadable whatever the column's kind. */
  private unreadable = 0;
  private firstUnreadable = -1;
  /** The last date-time text read and its time: consecutive rows often share a timestamp. */
  private lastText: string | undefined;
  private lastTime = Number.NaN;

  pushText(text: string): void {
    if (text === this.lastText) this.time(this.lastTime);
    else if (ISO_DATE.test(text)) {
      this.lastText = text;
      this.lastTime = Date.parse(text);
      this.time(this.lastTime);
    } else {
      const value = parseNumberText(text);
      if (value === value) this.number(value);
      else if (classifyNonNumberText(text) === "nonNumeric") this.time(Number.NaN);
      else this.bad();
    }
  }

  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    this.pushText(utf8Text(bytes, start, end));
  }

  pushValue(value: unknown): void {
    switch (typeof value) {
      case "number":
        if (value - value === 0) this.number(value);
        else this.bad();
        return;
      case "string":
        return this.pushText(value);
      case "bigint":
        return this.number(Number(value));
      case "boolean":
        return this.number(value ? 1 : 0);
      case "undefined":
        return this.bad();
      default: {
        // A nested value (a Parquet date, say) is text: its ISO or JSON text, missing for an invalid date.
        if (value === null) this.bad();
        else this.pushDateTime(toCellText(value));
      }
    }
  }

  /** A cell of a text column (no number), missing when undefined: its time when it is an ISO 8601 date-time. */
  pushDateTime(text: string | undefined): void {
    this.textSeen = true;
    if (text === undefined) this.bad();
    else this.time(ISO_DATE.test(text) ? Date.parse(text) : Number.NaN);
  }

  finish(): TimestampCells {
    const { numbers, texts } = this;
    const window = this.textSeen ? texts : numbers;
    let bad = this.unreadable;
    let firstBad = this.firstUnreadable;
    if (this.textSeen && numbers.count > 0) {
      bad += numbers.count;
      firstBad = firstBad < 0 ? numbers.firstRow : Math.min(firstBad, numbers.firstRow);
    }
    const { first, last, sorted } = window;
    return { kind: "timestamps", rows: this.row, bad, firstBad, first, last, sorted };
  }

  private number(value: number): void {
    this.numbers.add(value < 1e11 ? value * 1000 : value, this.row++);
  }

  /** A text cell's time, NaN when the text is no time. */
  private time(time: number): void {
    this.textSeen = true;
    if (Number.isNaN(time)) this.bad();
    else this.texts.add(time, this.row++);
  }

  private bad(): void {
    if (this.unreadable++ === 0) this.firstUnreadable = this.row;
    this.row++;
  }
}
