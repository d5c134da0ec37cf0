import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computePercentileRatios } from "../../../shared/src/stats/percentile-ratio-bootstrap.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

// numpy.percentile ratios and scipy.stats.bootstrap(paired=True, method="percentile") intervals: see
// fixtures/percentile-ratio/compute-expected.py.
const dir = new URL("./fixtures/percentile-ratio/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) as Record<
  string,
  { estimate: number; low: number; high: number; standard_error: number }
>;
const rows = readFileSync(new URL("latencies.csv", dir), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",").map(Number));
const production = rows.map((row) => row[0]!);
const shadow = rows.map((row) => row[1]!);

describe("computePercentileRatios", () => {
  const ratios = computePercentileRatios(production, shadow, { percents: [50, 95, 99], resamples: 9999, seed: 7 });

  it("gives numpy.percentile's ratio shadow/production exactly for p50, p95 and p99", () => {
    for (const ratio of ratios) {
      const reference = expected[`p${ratio.percent}`]!;
      expect(ratio.interval.ok).toBe(true);
      if (ratio.interval.ok) expect(ratio.interval.estimate).toBeCloseTo(reference.estimate, 14);
    }
  });

  it("gives SciPy's paired percentile interval within a fifth of its bootstrap standard error (another random stream)", () => {
    for (const ratio of ratios) {
      const reference = expected[`p${ratio.percent}`]!;
      if (!ratio.interval.ok) throw new Error(ratio.interval.reason);
      expect(Math.abs(ratio.interval.low - reference.low)).toBeLessThan(0.2 * reference.standard_error);
      expect(Math.abs(ratio.interval.high - reference.high)).toBeLessThan(0.2 * reference.standard_error);
      expect(Math.abs(ratio.interval.standardError - reference.standard_error) / reference.standard_error).toBeLessThan(
        0.05,
      );
    }
  });

  it("repeats itself for one seed and changes the draw for another", () => {
    const again = computePercentileRatios(production, shadow, { percents: [95], resamples: 500, seed: 7 })[0]!.interval;
    const same = computePercentileRatios(production, shadow, { percents: [95], resamples: 500, seed: 7 })[0]!.interval;
    const other = computePercentileRatios(production, shadow, { percents: [95], resamples: 500, seed: 8 })[0]!.interval;
    if (!again.ok || !same.ok || !other.ok) throw new Error("cannot compute");
    expect(same.low).toBe(again.low);
    expect(other.low).not.toBe(again.low);
  });

  it("cannot compute a ratio whose production percentile is 0", () => {
    const [ratio] = computePercentileRatios([0, 0, 0, 1], [1, 2, 3, 4], { percents: [50], resamples: 50, seed: 1 });
    expect(ratio!.interval.ok).toBe(false);
  });

  it("throws StatsInputError for unpaired lengths or non-finite values", () => {
    expect(() => computePercentileRatios([1, 2], [1], { percents: [50], seed: 1 })).toThrow(StatsInputError);
    expect(() => computePercentileRatios([1, Number.NaN], [1, 2], { percents: [50], seed: 1 })).toThrow(
      StatsInputError,
    );
  });
});
