import { describe, expect, it } from "vitest";
import { BucketCounts } from "../../../../shared/src/validate/profile/bucket-counts.js";

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
    expect(sorted(counts.toMap())).toEqual(sorted(mapOf(indices)));
  });

  it("counts as a map does for a million indices of a spread-out column", () => {
    const indices = Array.from(
      { length: 1_000_000 },
      (_, i) => Math.round(Math.sin(i) * 1500 + ((i * 7919) % 4000)) - 2000,
    );
    const counts = new BucketCounts();
    for (const index of indices) counts.add(index);
    expect(sorted(counts.toMap())).toEqual(sorted(mapOf(indices)));
  });

  it("is empty when nothing was added", () => {
    expect(new BucketCounts().toMap().size).toBe(0);
  });
});
