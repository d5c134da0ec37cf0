import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeMannWhitneyU } from "../../../shared/src/stats/mann-whitney-u.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

interface RCase {
  x: number[];
  y: number[];
  confidence: number;
  statistic: number;
  p_value: number;
  low: number;
  high: number;
  estimate_r: number;
  estimate_corrected: number;
}

// R 4.2 wilcox.test(x, y, conf.int = TRUE, exact = FALSE, correct = TRUE, conf.level): see fixtures/mann-whitney/compute-expected.R.
const expected = JSON.parse(
  readFileSync(new URL("./fixtures/mann-whitney/expected.json", import.meta.url), "utf8"),
) as Record<string, RCase>;

// Roots come from R's Brent at tol 1e-4, so they are compared at that tolerance; statistic and p-value are closed forms.
const ROOT_TOLERANCE = 1e-4;

describe("computeMannWhitneyU", () => {
  for (const [name, r] of Object.entries(expected)) {
    it(`matches R's wilcox.test statistic, p-value and interval for ${name}`, () => {
      const result = computeMannWhitneyU(r.x, r.y, { confidence: r.confidence });
      if (!result.ok) throw new Error(result.reason);
      expect(result.statistic).toBe(r.statistic);
      expect(Math.abs(result.pValue - r.p_value) / r.p_value).toBeLessThan(1e-12);
      expect(Math.abs(result.low - r.low)).toBeLessThan(ROOT_TOLERANCE);
      expect(Math.abs(result.high - r.high)).toBeLessThan(ROOT_TOLERANCE);
    });

    it(`gives Kayenta's corrected estimate and R's uncorrected one for ${name}`, () => {
      const kayenta = computeMannWhitneyU(r.x, r.y, { confidence: r.confidence });
      const plain = computeMannWhitneyU(r.x, r.y, { confidence: r.confidence, correctEstimate: false });
      if (!kayenta.ok || !plain.ok) throw new Error("cannot compute");
      expect(Math.abs(kayenta.estimate - r.estimate_corrected)).toBeLessThan(ROOT_TOLERANCE);
      expect(Math.abs(plain.estimate - r.estimate_r)).toBeLessThan(ROOT_TOLERANCE);
    });
  }

  it("swaps the sign of the shift and keeps the p-value when x and y swap", () => {
    const r = expected.latency_ties!;
    const forward = computeMannWhitneyU(r.x, r.y, { confidence: r.confidence });
    const backward = computeMannWhitneyU(r.y, r.x, { confidence: r.confidence });
    if (!forward.ok || !backward.ok) throw new Error("cannot compute");
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
    expect(Math.abs(backward.low + forward.high)).toBeLessThan(ROOT_TOLERANCE);
  });

  it("cannot compute when every observation is tied", () => {
    const result = computeMannWhitneyU([5, 5, 5], [5, 5]);
    expect(result.ok).toBe(false);
  });

  it("throws StatsInputError on an empty sample or a non-finite value", () => {
    expect(() => computeMannWhitneyU([], [1])).toThrow(StatsInputError);
    expect(() => computeMannWhitneyU([1, Number.NaN], [1])).toThrow(StatsInputError);
  });
});
