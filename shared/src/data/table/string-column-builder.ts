import { BlockArray } from "./block-array.js";
import { ByteCodeCache } from "./byte-code-cache.js";
import type { HeldMemory } from "./block-array.js";
import type { ColumnBuilder } from "./column-builder.js";
import { isBlankText } from "./is-blank-text.js";
import { TEXT_ENTRY_BYTES } from "../files/read-limits.js";
import type { StringColumn } from "./table.js";
import { toCellText } from "./to-cell-text.js";
import { utf8Text } from "./utf8-text.js";

/**
 * Cells a column reads through their text before it starts its byte cache. Until the engine has optimized the
 * cache's byte loops (hashing, comparing), decoding a short cell and looking its text up costs less: a small file is
 * read before that happens, and a large one hardly notices a few thousand cells read so.
 */
export const CELLS_BEFORE_BYTE_CACHE = 4096;

/**
 * Builds a dictionary-encoded `StringColumn`. Text is kept exactly (no trimming, no case folding); blank
 * text is missing, as in number columns. Typed cells are turned into text by `toCellText`.
 */
export class StringColumnBuilder implements ColumnBuilder {
  private readonly codes: BlockArray<Int32Array>;
  private readonly dictionary: string[] = [];
  private index = new Map<string, number>();
  private missing = 0;
  /** Codes of the cells seen, by their bytes (delimited files); null once spent (the column's cells rarely repeat). */
  private cache: ByteCodeCache | null | undefined;
  /** Cells `pushBytes` has read through their text, up to CELLS_BEFORE_BYTE_CACHE. */
  private textCells = 0;
  /** The codes of the last dictionary page's entries (UNSEEN until a row uses one). */
  private indexed: { dictionary: readonly string[]; codes: Int32Array } | undefined;

  constructor(
    readonly name: string,
    expectedRows = 0,
    private readonly memory?: HeldMemory,
  ) {
    this.codes = new BlockArray(Int32Array, expectedRows, memory);
  }

  pushText(text: string): void {
    const code = this.codeOf(text);
    if (code === -1) this.pushMissing(1);
    else this.codes.push(code);
  }

  /**
   * A delimited file's cell as its UTF-8 bytes: a cell seen before gets its code back without a string being made;
   * a new one is decoded (invalid bytes become U+FFFD, as in `pushText` from the same reader) and read as `pushText`.
   */
  pushBytes(bytes: Uint8Array, start: number, end: number): void {
    if (this.cache === undefined && this.textCells < CELLS_BEFORE_BYTE_CACHE) {
      this.textCells++;
      this.pushText(utf8Text(bytes, start, end));
      return;
    }
    const cache = (this.cache ??= new ByteCodeCache(this.memory));
    if (cache === null) {
      this.pushText(utf8Text(bytes, start, end));
      return;
    }
    const hash = ByteCodeCache.hash(bytes, start, end);
    let code = cache.find(bytes, start, end, hash);
    if (code === undefined) {
      const text = utf8Text(bytes, start, end);
      this.pushText(text);
      code = this.index.get(text) ?? -1;
      cache.add(bytes, start, end, hash, code);
      if (cache.spent) this.cache = null;
      return;
    }
    if (code === -1) this.pushMissing(1);
    else this.codes.push(code);
  }

  /**
   * Dictionary-encoded text cells: each dictionary entry is read as `pushText` reads it once, when a row first uses
   * it (so codes stay in order of first appearance), then the run's codes are looked up into a scratch array and
   * appended at once (a call per cell cost more than the lookup).
   */
  pushIndexed(dictionary: readonly string[], indices: Int32Array, start: number, end: number): boolean {
    if (this.indexed?.dictionary !== dictionary)
      this.indexed = { dictionary, codes: new Int32Array(dictionary.length).fill(UNSEEN) };
    const { codes } = this.indexed;
    if (runCodes.length < end - start) runCodes = new Int32Array(end - start);
    const run = runCodes;
    let missing = 0;
    for (let i = start; i < end; i++) {
      const index = indices[i]!;
      let code = codes[index]!;
      if (code === UNSEEN) code = codes[index] = this.codeOf(dictionary[index]!);
      if (code === -1) missing++;
      run[i - start] = code;
    }
    this.codes.pushAll(run, 0, end - start);
    this.missing += missing;
    return true;
  }

  /** The code of a text as `pushText` gives it (-1 for blank text), added to the dictionary when new. */
  private codeOf(text: string): number {
    if (isBlankText(text)) return -1;
    let code = this.index.get(text);
    if (code === undefined) {
      this.memory?.hold(2 * text.length + TEXT_ENTRY_BYTES);
      code = this.dictionary.length;
      this.index.set(text, code);
      this.dictionary.push(text);
    }
    return code;
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
    this.indexed = undefined;
    this.cache = null;
    return {
      kind: "string",
      name: this.name,
      codes: this.codes.toArray(),
      dictionary: this.dictionary,
      missing: this.missing,
    };
  }
}

const UNSEEN = -2;
/** The codes of one run of dictionary-encoded cells, reused from run to run (each is appended before the next). */
let runCodes = new Int32Array(0);
