import { describe, expect, it } from "vitest";
import { sampleMultinomial } from "../../../shared/src/stats/sample-multinomial.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";

describe("sampleMultinomial", () => {
  it("draws counts that sum to n and average n·p_k, with multinomial variance, over many draws", () => {
    const counts = [50, 30, 15, 5];
    const n = 100;
    const random = createSeededRandom(42);
    const target = new Float64Array(4);
    const draws = 20000;
    const sums = [0, 0, 0, 0];
    const squares = [0, 0, 0, 0];
    let badSums = 0;
    for (let b = 0; b < draws; b++) {
      sampleMultinomial(counts, target, random);
      if (target.reduce((a, x) => a + x, 0) !== n) badSums++;
      target.forEach((x, k) => {
        sums[k]! += x;
        squares[k]! += x * x;
      });
    }
    expect(badSums).toBe(0);
    counts.forEach((count, k) => {
      const p = count / n;
      const mean = sums[k]! / draws;
      const variance = squares[k]! / draws - mean * mean;
      // Mean n·p within 5 standard errors; variance n·p(1 − p) within 5%.
      expect(Math.abs(mean - count)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
    });
  });

  it("never draws from an empty category and returns zeros for an empty population", () => {
    const target = new Float64Array(3);
    const random = createSeededRandom(1);
    for (let b = 0; b < 100; b++) {
      sampleMultinomial([0, 7, 0], target, random);
      expect([...target]).toEqual([0, 7, 0]);
    }
    sampleMultinomial([0, 0, 0], target, random);
    expect([...target]).toEqual([0, 0, 0]);
  });
});
