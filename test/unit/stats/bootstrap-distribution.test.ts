import { describe, expect, it } from "vitest";
import { drawBootstrapDistribution } from "../../../shared/src/stats/bootstrap-distribution.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

// Ten per-example accuracy differences: two −1, five 0, three +1.
const sample = Object.freeze([-1, -1, 0, 0, 0, 0, 0, 1, 1, 1]);

/** Exact P(resample sum = s): (K₋₁, K₀, K₊₁) ~ Multinomial(10; 0.2, 0.5, 0.3), by the multinomial formula. */
function exactSumDistribution(): Map<number, number> {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const probabilities = new Map<number, number>();
  for (let minus = 0; minus <= 10; minus++) {
    for (let plus = 0; plus + minus <= 10; plus++) {
      const zero = 10 - minus - plus;
      const ways = factorial(10) / (factorial(minus) * factorial(plus) * factorial(zero));
      const p = ways * 0.2 ** minus * 0.3 ** plus * 0.5 ** zero;
      probabilities.set(plus - minus, (probabilities.get(plus - minus) ?? 0) + p);
    }
  }
  return probabilities;
}

function expectExactDistribution(means: Float64Array): void {
  const counts = new Map<number, number>();
  for (const mean of means) counts.set(Math.round(mean * 10), (counts.get(Math.round(mean * 10)) ?? 0) + 1);
  for (const [sum, p] of exactSumDistribution()) {
    const frequency = (counts.get(sum) ?? 0) / means.length;
    // Five binomial standard errors per value of the sum: no false alarm across 21 values in practice.
    const standardError = Math.sqrt((p * (1 - p)) / means.length);
    expect(Math.abs(frequency - p), `P(sum = ${sum})`).toBeLessThanOrEqual(5 * standardError + 1e-12);
  }
}

describe("drawBootstrapDistribution", () => {
  it("draws resampled means with the exact multinomial distribution through counts (integer data)", () => {
    expectExactDistribution(drawBootstrapDistribution(sample, { seed: 8, resamples: 200_000 }).sorted);
  });

  it("draws resampled means with the same distribution through indices (non-integer data)", () => {
    // Adding ¼ makes the values non-integer, forcing index resampling; the sum shifts by exactly 2.5.
    const shifted = drawBootstrapDistribution(
      sample.map((x) => x + 0.25),
      { seed: 8, resamples: 100_000 },
    );
    expectExactDistribution(shifted.sorted.map((mean) => mean - 0.25));
  });

  it("returns θ̂, the sample size and the resampled means in ascending order", () => {
    const distribution = drawBootstrapDistribution(sample, { seed: 1, resamples: 500 });
    expect(distribution.estimate).toBe(0.1);
    expect(distribution.sampleSize).toBe(10);
    expect(distribution.sorted).toHaveLength(500);
    expect([...distribution.sorted]).toEqual([...distribution.sorted].sort((a, b) => a - b));
  });

  it("gives the same distribution for the same seed and another for a different seed", () => {
    const thirds = sample.map((x) => x / 3);
    const draw = (seed: number) => [...drawBootstrapDistribution(thirds, { seed, resamples: 300 }).sorted];
    expect(draw(5)).toEqual(draw(5));
    expect(draw(6)).not.toEqual(draw(5));
  });

  it("throws StatsInputError for empty or non-finite values or a resample count below 1", () => {
    expect(() => drawBootstrapDistribution([], { seed: 1 })).toThrow(StatsInputError);
    expect(() => drawBootstrapDistribution([1, Number.POSITIVE_INFINITY], { seed: 1 })).toThrow(StatsInputError);
    expect(() => drawBootstrapDistribution([1, 2], { seed: 1, resamples: 0 })).toThrow(StatsInputError);
  });
});
