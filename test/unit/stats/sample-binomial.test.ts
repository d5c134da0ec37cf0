import { describe, expect, it } from "vitest";
import { sampleBinomial } from "../../../shared/src/stats/sample-binomial.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";
import { reference } from "./support/fixtures.js";

interface BinomialCase {
  k: number;
  n: number;
  p: number;
  pmf_mpmath: number;
  cdf_mpmath: number;
}
const cases = reference.binomial as BinomialCase[];

describe("sampleBinomial", () => {
  it("hits P(X ≤ k) of the 50-digit CDF within sampling error", () => {
    const random = createSeededRandom(2024);
    const draws = 20_000;
    for (const c of cases.filter((x) => x.cdf_mpmath > 0.01 && x.cdf_mpmath < 0.99)) {
      let atMost = 0;
      for (let i = 0; i < draws; i++) if (sampleBinomial(c.n, c.p, random) <= c.k) atMost++;
      const se = Math.sqrt((c.cdf_mpmath * (1 - c.cdf_mpmath)) / draws);
      expect(Math.abs(atMost / draws - c.cdf_mpmath), `k=${c.k} n=${c.n} p=${c.p}`).toBeLessThan(5 * se);
    }
  });

  it("has mean n·p and variance n·p·(1 − p) for n = 10⁶, p = 0.1 within sampling error", () => {
    const random = createSeededRandom(5);
    const draws = Array.from({ length: 20_000 }, () => sampleBinomial(1_000_000, 0.1, random));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    expect(Math.abs(mean - 100_000)).toBeLessThan(5 * Math.sqrt(90_000 / draws.length));
    // The sample variance of 2e4 draws has relative standard error √(2/2e4) = 1%.
    expect(Math.abs(variance / 90_000 - 1)).toBeLessThan(0.05);
  });

  it("returns the only possible value at the degenerate ends", () => {
    const random = createSeededRandom(1);
    expect(sampleBinomial(0, 0.3, random)).toBe(0);
    expect(sampleBinomial(10, 0, random)).toBe(0);
    expect(sampleBinomial(10, 1, random)).toBe(10);
  });
});
