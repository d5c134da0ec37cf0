import { describe, expect, it } from "vitest";
import { toCanonicalJson } from "../../../../shared/src/core/canonical-json.js";
import { NumberTally, mergeTallies } from "../../../../shared/src/validate/profile/number-tally.js";
import { completeColumn, mergeColumnParts } from "../../../../shared/src/validate/profile/profile-part.js";
import type { ColumnPart } from "../../../../shared/src/validate/profile/profile-part.js";
import { MAX_NUMBER_LEVELS } from "../../../../shared/src/validate/profile/profile-levels.js";

const tally = (values: number[]) => {
  const t = new NumberTally();
  t.addMany(values, 0, values.length);
  return t.state();
};
const numbers = (values: number[], missing = 0): ColumnPart => ({
  kind: "number",
  name: "x",
  missing,
  nonNumeric: 0,
  nonFinite: 0,
  tally: tally(values),
});
const texts = (counts: Record<string, number>, missing = 0): ColumnPart => ({
  kind: "string",
  name: "x",
  missing,
  texts: Object.keys(counts),
  counts: Float64Array.from(Object.values(counts)),
  replaced: false,
});
const complete = (part: ColumnPart | undefined) => toCanonicalJson(completeColumn(part!, 10, "a".repeat(64)));

describe("mergeTallies", () => {
  it("counts, buckets, values, min and max as one tally of both, and the moments by Chan's formulas", () => {
    const a = [3, 1.5, -2, 0, 1e-320, 7];
    const b = [1.5, 1.5, 100, -0.25];
    const merged = mergeTallies(tally(a), tally(b));
    const one = tally([...a, ...b]);
    const sorted = (pairs: Array<[number, number]> | null) => [...(pairs ?? [])].sort((x, y) => x[0] - y[0]);
    const plain = (s: typeof one) => ({ ...s, mean: 0, m2: 0, levels: sorted(s.levels) });
    expect(plain(merged)).toEqual(plain(one));
    expect(merged.levels).toHaveLength(8);
    // The sum is 112.25 over 10 values.
    const all = [...a, ...b];
    const mean = 112.25 / 10;
    expect(merged.mean).toBeCloseTo(mean, 14);
    expect(merged.m2).toBeCloseTo(
      all.reduce((s, x) => s + (x - mean) ** 2, 0),
      10,
    );
  });

  it("keeps the earlier of 0 and −0 as min and max, as one tally does", () => {
    const merged = mergeTallies(tally([0]), tally([-0]));
    expect(Object.is(merged.min, 0)).toBe(true);
    expect(Object.is(mergeTallies(tally([-0]), tally([0])).max, -0)).toBe(true);
  });

  it("drops the value counts when the parts hold more distinct values together than are kept", () => {
    const half = Array.from({ length: MAX_NUMBER_LEVELS }, (_, i) => i);
    expect(mergeTallies(tally(half), tally(half)).levels).toHaveLength(MAX_NUMBER_LEVELS);
    expect(mergeTallies(tally(half), tally([99])).levels).toBeNull();
  });

  it("takes the other part's moments exactly when one part has no value", () => {
    const b = tally([0.1, 0.2, 0.7]);
    expect(mergeTallies(tally([]), b)).toMatchObject({ mean: b.mean, m2: b.m2 });
    expect(mergeTallies(b, tally([]))).toMatchObject({ mean: b.mean, m2: b.m2 });
  });
});

describe("mergeColumnParts", () => {
  it("adds text counts over the union of the texts", () => {
    const merged = mergeColumnParts(texts({ a: 2, b: 1 }, 1), texts({ b: 3, c: 1 }, 2));
    expect(complete(merged)).toBe(complete(texts({ a: 2, b: 4, c: 1 }, 3)));
  });

  it("reads a number part of blank cells only as that many missing texts", () => {
    expect(complete(mergeColumnParts(numbers([], 4), texts({ a: 1 })))).toBe(complete(texts({ a: 1 }, 4)));
    expect(complete(mergeColumnParts(texts({ a: 1 }), numbers([], 4)))).toBe(complete(texts({ a: 1 }, 4)));
  });

  it("asks for the texts of a number part with numbers merged with a text part", () => {
    expect(mergeColumnParts(numbers([1]), texts({ a: 1 }))).toBeUndefined();
    expect(mergeColumnParts(texts({ a: 1 }), numbers([1]))).toBeUndefined();
  });
});
