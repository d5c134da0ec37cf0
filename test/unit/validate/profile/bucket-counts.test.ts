import { describe, expect, it } from "vitest";
import {
  BucketCounts,
  mergeSortedBuckets,
  sortedBucketPairs,
  sortedBucketsOf,
} from "../../../../shared/src/validate/profile/bucket-counts.js";

/** The counts a plain map keeps for the same indices. */
function mapOf(indices: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const index of indices) out.set(index, (out.get(index) ?? 0) + 1);
  return out;
}

const sorted = (map: Map<number, number>) => [...map].sort((a, b) => a[0] - b[0]);

describe("BucketCounts", () => {
  it("counts as a map does when the indices grow up, down and jump far past the window", () => {
    const indices = [0, 5, 5, -3, 100, 40, -200, 3000, -3000, 70_000, -69_000, 7, 3001, 69_999, -1100, 5];
    const counts = new BucketCounts();
    for (const index of indices) counts.add(index);
    expect(sortedBucketPairs(counts.sorted())).toEqual(sorted(mapOf(indices)));
  });

  it("adds an index counted beyond the window to its count in the window once the window has grown over it", () => {
    // 4,070 is past the widest window from 0 with its margin, until 4,050 widens the window to 4,082.
    const indices = [0, 4070, 2000, 4050, 4070];
    const counts = new BucketCounts();
    for (const index of indices) counts.add(index);
    expect(sortedBucketPairs(counts.sorted())).toEqual([
      [0, 1],
      [2000, 1],
      [4050, 1],
      [4070, 2],
    ]);
  });

  it("counts as a map does for a million indices of a spread-out column", () => {
    const indices = Array.from(
      { length: 1_000_000 },
      (_, i) => Math.round(Math.sin(i) * 1500 + ((i * 7919) % 4000)) - 2000,
    );
    const counts = new BucketCounts();
    for (const index of indices) counts.add(index);
    expect(sortedBucketPairs(counts.sorted())).toEqual(sorted(mapOf(indices)));
  });

  it("is empty when nothing was added", () => {
    const empty = new BucketCounts().sorted();
    expect([empty.indices.length, empty.counts.length]).toEqual([0, 0]);
  });
});

describe("mergeSortedBuckets", () => {
  it("adds the counts of two parts as one count of both, ascending by index", () => {
    const a = [5, -3, 5, 100, -70_000, 7];
    const b = [7, 7, -3, 2, 101, 70_000];
    const merged = mergeSortedBuckets(sortedBucketsOf(mapOf(a)), sortedBucketsOf(mapOf(b)));
    expect(sortedBucketPairs(merged)).toEqual(sorted(mapOf([...a, ...b])));
    expect(merged.indices).toBeInstanceOf(Int32Array);
  });

  it("keeps either part whole when the other is empty", () => {
    const a = sortedBucketsOf(mapOf([1, 1, -4]));
    const empty = sortedBucketsOf(new Map());
    expect(sortedBucketPairs(mergeSortedBuckets(a, empty))).toEqual([
      [-4, 1],
      [1, 2],
    ]);
    expect(sortedBucketPairs(mergeSortedBuckets(empty, a))).toEqual([
      [-4, 1],
      [1, 2],
    ]);
  });
});
