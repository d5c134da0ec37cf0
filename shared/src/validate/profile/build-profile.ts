import type { NumberColumn, StringColumn, Table } from "../../data/table.js";
import { codeCounts, numberText } from "../column-values.js";
import { addToSketch, emptySketch, SKETCH_RELATIVE_ACCURACY } from "./log-bucket-sketch.js";
import type { LogBucketSketch } from "./log-bucket-sketch.js";
import type { ColumnProfile, NumberProfile, Profile, StringProfile } from "./profile-schema.js";
import { MAX_NUMBER_LEVELS, MAX_STRING_LEVELS, PROFILE_SCHEMA } from "./profile-schema.js";

/** The profile of one data file: what `modelgate profile merge` combines and drift on profiles compares. */
export function buildProfile(table: Table): Profile {
  const shard = { file: table.name, sha256: table.sha256, rows: table.rows };
  const columns = [...table.columns.values()].map((column): ColumnProfile => (column.kind === "number" ? profileNumbers(column, table) : profileStrings(column, table.rows)));
  return { schema: PROFILE_SCHEMA, sketch_relative_accuracy: SKETCH_RELATIVE_ACCURACY, rows: table.rows, shards: [shard], columns: columns.sort((a, b) => compareText(a.name, b.name)) };
}

function profileNumbers(column: NumberColumn, table: Table): NumberProfile {
  const sketch = emptySketch();
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  const levels = new Map<number, number>();
  let tooMany = false;
  for (const v of column.values) {
    if (Number.isNaN(v)) continue;
    count++;
    const delta = v - mean;
    mean += delta / count;
    m2 += delta * (v - mean);
    if (v < min) min = v;
    if (v > max) max = v;
    addToSketch(sketch, v);
    if (!tooMany) {
      const key = Object.is(v, -0) ? 0 : v;
      levels.set(key, (levels.get(key) ?? 0) + 1);
      if (levels.size > MAX_NUMBER_LEVELS) tooMany = true;
    }
  }
  return {
    kind: "number",
    name: column.name,
    rows: table.rows,
    missing: column.missing,
    non_numeric: column.nonNumeric,
    non_finite: column.nonFinite,
    min: count === 0 ? null : min,
    max: count === 0 ? null : max,
    moments: count === 0 ? [] : [{ shard: table.sha256, count, mean, m2: Math.max(0, m2) }],
    sketch: toSketchJson(sketch),
    values: tooMany ? null : sortedPairs([...levels].map(([value, n]) => [numberText(value), n])),
  };
}

function profileStrings(column: StringColumn, rows: number): StringProfile {
  const counts = codeCounts(column);
  const kept = keptCodes(column.dictionary, counts);
  const pairs = kept.codes.map((code): [string, number] => [column.dictionary[code]!, counts[code]!]);
  return { kind: "string", name: column.name, rows, missing: column.missing, values: sortedPairs(pairs), other: kept.other };
}

/**
 * The codes `capLevels` keeps (the `MAX_STRING_LEVELS` most frequent values, ties by text), found without a pair
 * per distinct value: a column of ten million distinct texts would otherwise sort ten million pairs. The counts
 * above the cut are all kept; at the cut's count, the smallest texts fill what is left, through a bounded heap.
 */
function keptCodes(dictionary: readonly string[], counts: Float64Array): { codes: number[]; other: StringProfile["other"] } {
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
      for (let i = 0; ; ) {
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

/** Keeps the `MAX_STRING_LEVELS` most frequent values (ties by text), folding the rest into `other`. */
export function capLevels(pairs: Array<[string, number]>, other: { values: number; rows: number } | null): Pick<StringProfile, "values" | "other"> {
  if (pairs.length <= MAX_STRING_LEVELS) return { values: sortedPairs(pairs), other };
  const ranked = [...pairs].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const folded = ranked.slice(MAX_STRING_LEVELS);
  const rest = { values: (other?.values ?? 0) + folded.length, rows: (other?.rows ?? 0) + folded.reduce((sum, [, n]) => sum + n, 0) };
  return { values: sortedPairs(ranked.slice(0, MAX_STRING_LEVELS)), other: rest };
}

export function toSketchJson(sketch: LogBucketSketch): NumberProfile["sketch"] {
  const pairs = (store: Map<number, number>) => [...store].sort((a, b) => a[0] - b[0]) as Array<[number, number]>;
  return { zero: sketch.zero, positive: pairs(sketch.positive), negative: pairs(sketch.negative) };
}

export function fromSketchJson(json: NumberProfile["sketch"]): LogBucketSketch {
  return { zero: json.zero, positive: new Map(json.positive), negative: new Map(json.negative) };
}

export function sortedPairs(pairs: Array<[string, number]>): Array<[string, number]> {
  return pairs.sort((a, b) => compareText(a[0], b[0]));
}

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
