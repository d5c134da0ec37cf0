import { AutoColumnBuilder } from "../../data/table/auto-column-builder.js";
import { ByteCodeCache } from "../../data/table/byte-code-cache.js";
import type { TextCells } from "../../data/table/auto-column-builder.js";
import type { HeldMemory } from "../../data/table/block-array.js";
import { CELL_NON_FINITE } from "../../data/table/column-builder.js";
import type { ColumnBuilder } from "../../data/table/column-builder.js";
import { isBlankText } from "../../data/table/is-blank-text.js";
import { NumberCells } from "../../data/table/number-cells.js";
import { TEXT_ENTRY_BYTES } from "../../data/files/read-limits.js";
import type { ColumnRequest } from "../../data/table/column-request.js";
import { toCellText } from "../../data/table/to-cell-text.js";
import { utf8Text } from "../../data/table/utf8-text.js";
import { NumberTally } from "./number-tally.js";
import type { ColumnPart } from "./profile-part.js";

/** A column's profile over the rows read, to complete once the file's row count and digest are known (`completeColumn`). */
export interface ProfileDraft {
  part: ColumnPart;
}

/**
 * The builder of a column read straight into its profile, holding no row: a number column's tally (the same sums
 * in the same order as `buildProfile` on the table), a text column's count per distinct value, or an auto column
 * that is either. A request's `builder` for `readColumns`.
 */
export function profileColumnBuilder(
  request: ColumnRequest,
  _expectedRows: number,
  memory?: HeldMemory,
): ColumnBuilder<ProfileDraft> {
  const { name } = request;
  switch (request.as) {
    case "number":
      return new NumberProfileBuilder(name);
    case "string":
      return new TextProfileBuilder(name, memory);
    case "auto":
      return new AutoColumnBuilder<ProfileDraft>(name, {
        numbers: () => new NumberProfileBuilder(name),
        strings: () => new TextProfileBuilder(name, memory),
      });
  }
}

class NumberProfileBuilder extends NumberCells<ProfileDraft> {
  private tally = new NumberTally();
  /** Numbers go into the tally and cost no memory per cell: a reader may gather them into runs. */
  override readonly numbersInRuns = true;

  discard(): void {
    this.tally = new NumberTally();
  }

  finish(): ProfileDraft {
    const [, missing = 0, nonFinite = 0, nonNumeric = 0] = this.counts;
    return { part: { kind: "number", name: this.name, missing, nonNumeric, nonFinite, tally: this.tally.state() } };
  }

  /** As `NumberCells` reads them (a non-finite value is counted so), a run at a time. */
  override pushNumbers(values: ArrayLike<number>, start: number, end: number): boolean {
    this.counts[CELL_NON_FINITE]! += this.tally.addMany(values, start, end);
    return true;
  }

  protected add(value: number): void {
    this.tally.add(value);
  }

  protected addNaN(): void {}
}

/** Counts each distinct text, as `StringColumnBuilder` reads cells (blank text missing), charging `memory` for each. */
class TextProfileBuilder implements TextCells<ProfileDraft> {
  private readonly counts = new Map<string, number>();
  private missing = 0;
  private replaced = false;
  /**
   * The last dictionary page's entries: 0 unseen, 1 counted text, 2 blank; and their counts not yet added (to the
   * text's count, or a blank one's to `missing`).
   */
  private indexed: { dictionary: readonly string[]; seen: Int8Array; extra: Float64Array } | undefined;
  /** Codes of the short cells seen, by their bytes (delimited files), and the texts and later counts of those codes. */
  private cache: ByteCodeCache | null | undefined;
  private cached: { texts: string[]; counts: number[] } = { texts: [], counts: [] };

  constructor(
    readonly name: string,
    private readonly memory?: HeldMemory,
  ) {}

  pushText(text: string): void {
    if (isBlankText(text)) {
      this.missing++;
      return;
    }
    const count = this.counts.get(text);
    if (count !== undefined) {
      this.counts.set(text, count + 1);
      return;
    }
    this.memory?.hold(2 * text.length + TEXT_ENTRY_BYTES);
    this.replaced ||= text.includes("\uFFFD");
    this.counts.set(text, 1);
  }

  /**
   * A delimited file's cell as its bytes: a short cell seen before is counted in `cached` by its entry in the byte
   * cache, with no string made (a blank one as missing); a new one is read as `pushText` (so texts keep the order
   * in which they first appear) and remembered. A spent cache (mostly distinct texts) is dropped.
   */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    const cache = (this.cache ??= new ByteCodeCache(this.memory));
    if (cache === null) {
      this.pushText(utf8Text(bytes, start, end));
      return;
    }
    const hash = ByteCodeCache.hash(bytes, start, end);
    const entry = cache.find(bytes, start, end, hash);
    if (entry !== undefined) {
      if (entry < 0) this.missing++;
      else this.cached.counts[entry]!++;
      return;
    }
    const text = utf8Text(bytes, start, end);
    this.pushText(text);
    const blank = isBlankText(text);
    if (cache.add(bytes, start, end, hash, blank ? -1 : this.cached.texts.length) && !blank) {
      this.cached.texts.push(text);
      this.cached.counts.push(0);
    }
    if (cache.spent) this.cache = null;
  }

  /** Dictionary-encoded text cells: each entry read as `pushText` reads it when a row first uses it, then counted per entry. */
  pushIndexed(dictionary: readonly string[], indices: Int32Array, start: number, end: number): boolean {
    if (this.indexed?.dictionary !== dictionary) {
      this.flushIndexed();
      this.indexed = { dictionary, seen: new Int8Array(dictionary.length), extra: new Float64Array(dictionary.length) };
    }
    const { seen, extra } = this.indexed;
    for (
      let i = countSeen(indices, start, end, seen, extra);
      i < end;
      i = countSeen(indices, i + 1, end, seen, extra)
    ) {
      // First use: counted (or found blank) as pushText does, keeping the order in which texts first appear.
      const index = indices[i]!;
      const text = dictionary[index]!;
      seen[index] = isBlankText(text) ? 2 : 1;
      this.pushText(text);
    }
    return true;
  }

  /** Adds the counts kept per byte-cache entry to the counts per text. */
  private flushCached(): void {
    const { texts, counts } = this.cached;
    for (let entry = 0; entry < texts.length; entry++)
      if (counts[entry]! > 0) this.counts.set(texts[entry]!, this.counts.get(texts[entry]!)! + counts[entry]!);
    this.cached = { texts: [], counts: [] };
    this.cache = null;
  }

  /** Adds the counts kept per dictionary entry to the counts per text. */
  private flushIndexed(): void {
    if (this.indexed === undefined) return;
    const { dictionary, seen, extra } = this.indexed;
    for (let index = 0; index < extra.length; index++) {
      if (extra[index] === 0) continue;
      if (seen[index] === 2) {
        this.missing += extra[index]!;
        continue;
      }
      const text = dictionary[index]!;
      this.counts.set(text, this.counts.get(text)! + extra[index]!);
    }
    this.indexed = undefined;
  }

  pushValue(value: unknown): void {
    const text = typeof value === "string" ? value : toCellText(value);
    if (text === undefined) this.missing++;
    else this.pushText(text);
  }

  pushMissing(count: number): void {
    this.missing += count;
  }

  finish(): ProfileDraft {
    this.flushIndexed();
    this.flushCached();
    const texts = [...this.counts.keys()];
    const counts = Float64Array.from(this.counts.values());
    const { name, missing, replaced } = this;
    return { part: { kind: "string", name, missing, texts, counts, replaced } };
  }
}

/**
 * Counts `indices[i]` in `extra` from `start` on while its entry has been seen (`seen` not 0); returns where one is
 * first met unseen, or `end`. The loop over a page's indices, apart from the rest of `pushIndexed`: the engine
 * optimizes it alone, having seen all of it, on a thread's first page.
 */
function countSeen(indices: Int32Array, start: number, end: number, seen: Int8Array, extra: Float64Array): number {
  for (let i = start; i < end; i++) {
    const index = indices[i]!;
    if (seen[index] === 0) return i;
    extra[index]!++;
  }
  return end;
}
