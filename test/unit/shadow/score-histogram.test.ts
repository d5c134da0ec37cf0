import { describe, expect, it } from "vitest";
import { computeScoreHistogram } from "../../../shared/src/shadow/score-histogram.js";

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe("computeScoreHistogram", () => {
  it("bins probabilities on ten bins over [0, 1], each model as shares of its own requests", () => {
    const histogram = computeScoreHistogram(sorted([0.05, 0.15, 0.15, 0.95]), sorted([0.05, 1, 1, 1, 0.55]));
    expect(histogram.edges).toHaveLength(11);
    expect(histogram.edges[0]).toBe(0);
    expect(histogram.edges[10]).toBe(1);
    expect(histogram.production_shares).toEqual([0.25, 0.5, 0, 0, 0, 0, 0, 0, 0, 0.25]);
    // 1 falls in the last bin, as numpy.histogram puts its top edge.
    expect(histogram.shadow_shares).toEqual([0.2, 0, 0, 0, 0, 0.2, 0, 0, 0, 0.6]);
  });

  it("spans the smaller minimum to the larger maximum when a score is no probability", () => {
    const histogram = computeScoreHistogram(sorted([-2, 0, 3]), sorted([1, 8]));
    expect(histogram.edges[0]).toBe(-2);
    expect(histogram.edges[10]).toBe(8);
    expect(histogram.production_shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(histogram.shadow_shares[9]).toBe(0.5);
  });

  it("gives equal scores a bin of width 1 around them rather than none", () => {
    const histogram = computeScoreHistogram(sorted([5, 5]), sorted([5]));
    expect(histogram.edges[0]).toBe(4.5);
    expect(histogram.edges[10]).toBe(5.5);
    expect(histogram.production_shares[5]).toBe(1);
    expect(histogram.shadow_shares[5]).toBe(1);
  });
});
