import { keepTopValues } from "./keep-top-values.js";
import { mergeTallies, tallyProfile } from "./number-tally.js";
import type { TallyState } from "./number-tally.js";
import { sortedPairs } from "./profile-pairs.js";
import type { ColumnProfile } from "./profile-schema.js";

/**
 * A column's profile over part of a file, before the file's row count and digest are known: plain data that crosses
 * threads and merges exactly (`mergeColumnParts`). Text columns keep every distinct value until `completeColumn`
 * caps them, so merging parts keeps the same values one read of the whole file keeps.
 */
export type ColumnPart = NumberPart | TextPart;

export interface NumberPart {
  kind: "number";
  name: string;
  missing: number;
  nonNumeric: number;
  nonFinite: number;
  tally: TallyState;
}

export interface TextPart {
  kind: "string";
  name: string;
  missing: number;
  /** Each distinct text, and how many cells held it. */
  texts: string[];
  counts: Float64Array;
  /** Some text held U+FFFD (a reader's stand-in for bytes that are not UTF-8). */
  replaced: boolean;
}

/** The column's profile in a file of `rows` rows whose digest is `sha256`. */
export function completeColumn(part: ColumnPart, rows: number, sha256: string): ColumnProfile {
  if (part.kind === "number") return tallyProfile(part.tally, part, rows, sha256);
  const { texts, counts, name, missing } = part;
  const kept = keepTopValues(texts, counts);
  const values = sortedPairs(kept.codes.map((code): [string, number] => [texts[code]!, counts[code]!]));
  return { kind: "string", name, rows, missing, values, other: kept.other };
}

/**
 * The part of a column over `a`'s rows followed by `b`'s: counts, sketch buckets and value counts add exactly; the
 * moments combine as `mergeTallies` says. An "auto" column read as numbers in one part and as text in the other is
 * text in the whole file: when the number part holds only blank cells, they are its missing cells; otherwise its
 * texts are needed and the result is undefined (read that part again with the column as text).
 */
export function mergeColumnParts(a: ColumnPart, b: ColumnPart): ColumnPart | undefined {
  if (a.kind === "number" && b.kind === "number") {
    return {
      kind: "number",
      name: a.name,
      missing: a.missing + b.missing,
      nonNumeric: a.nonNumeric + b.nonNumeric,
      nonFinite: a.nonFinite + b.nonFinite,
      tally: mergeTallies(a.tally, b.tally),
    };
  }
  const [x, y] = [asText(a), asText(b)];
  if (x === undefined || y === undefined) return undefined;
  const index = new Map(x.texts.map((text, code) => [text, code]));
  const texts = [...x.texts];
  for (const text of y.texts) {
    if (index.has(text)) continue;
    index.set(text, texts.length);
    texts.push(text);
  }
  const counts = new Float64Array(texts.length);
  counts.set(x.counts);
  for (const [code, text] of y.texts.entries()) counts[index.get(text)!]! += y.counts[code]!;
  return {
    kind: "string",
    name: x.name,
    missing: x.missing + y.missing,
    texts,
    counts,
    replaced: x.replaced || y.replaced,
  };
}

/** A text part as it is; a number part with no present cell as a text part of its blanks; undefined otherwise. */
function asText(part: ColumnPart): TextPart | undefined {
  if (part.kind === "string") return part;
  if (part.tally.count + part.nonFinite + part.nonNumeric > 0) return undefined;
  return {
    kind: "string",
    name: part.name,
    missing: part.missing,
    texts: [],
    counts: new Float64Array(0),
    replaced: false,
  };
}
