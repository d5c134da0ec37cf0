import type { StringProfile } from "./profile-schema.js";
import { MAX_STRING_LEVELS } from "./profile-levels.js";

/**
 * The codes (indexes into `dictionary` and `counts`) `capLevels` keeps (the `MAX_STRING_LEVELS` most frequent values, ties by text), found without a pair
 * per distinct value: a column of ten million distinct texts would otherwise sort ten million pairs. The counts
 * above the cut are all kept; at the cut's count, the smallest texts fill what is left, through a bounded heap.
 */
export function keepTopValues(
  dictionary: readonly string[],
  counts: Float64Array,
): { codes: number[]; other: StringProfile["other"] } {
  const present: number[] = [];
  for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) present.push(code);
  if (present.length <= MAX_STRING_LEVELS) return { codes: present, other: null };
  const sorted = Float64Array.from(present, (code) => counts[code]!).sort();
  const cut = sorted[sorted.length - MAX_STRING_LEVELS]!;
  const codes = present.filter((code) => counts[code]! > cut);
  const atCut = new TextMaxHeap(MAX_STRING_LEVELS - codes.length, dictionary);
  for (const code of present) if (counts[code] === cut) atCut.offer(code);
  codes.push(...atCut.codes());
  const keptRows = codes.reduce((total, code) => total + counts[code]!, 0);
  const allRows = present.reduce((total, code) => total + counts[code]!, 0);
  return { codes, other: { values: present.length - codes.length, rows: allRows - keptRows } };
}

/** The `size` codes of smallest text offered, kept in a max-heap by text so each offer costs log(size). */
class TextMaxHeap {
  private readonly heap: number[] = [];

  constructor(
    private readonly size: number,
    private readonly dictionary: readonly string[],
  ) {}

  offer(code: number): void {
    const { heap } = this;
    if (heap.length < this.size) {
      heap.push(code);
      for (let i = heap.length - 1; i > 0 && this.above(i, (i - 1) >> 1); i = (i - 1) >> 1) this.swap(i, (i - 1) >> 1);
    } else if (this.size > 0 && this.dictionary[code]! < this.dictionary[heap[0]!]!) {
      heap[0] = code;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let top = i;
        if (left < heap.length && this.above(left, top)) top = left;
        if (right < heap.length && this.above(right, top)) top = right;
        if (top === i) break;
        this.swap(i, top);
        i = top;
      }
    }
  }

  codes(): number[] {
    return this.heap;
  }

  private above(i: number, j: number): boolean {
    return this.dictionary[this.heap[i]!]! > this.dictionary[this.heap[j]!]!;
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }
}
