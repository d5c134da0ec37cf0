import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { computePercentileRatios as compute } from "../../../shared/src/stats/percentile-ratio-bootstrap.js";
import type * as Wasm from "../../../shared/src/stats/percentile-resample-wasm.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

// Each test runs on both resamplers: the WebAssembly kernel, and the JavaScript one it falls back to (WebAssembly
// "unavailable" here). `ran` counts the bootstraps the kernel drew, so a silent fallback cannot pass as the kernel.
const kernel = vi.hoisted(() => ({ enabled: true, ran: 0 }));
vi.mock("../../../shared/src/stats/percentile-resample-wasm.js", async (importOriginal) => {
  const actual = await importOriginal<typeof Wasm>();
  return {
    wasmResamplePositions: (...args: Parameters<typeof actual.wasmResamplePositions>) => {
      const ran = kernel.enabled && actual.wasmResamplePositions(...args);
      if (ran) kernel.ran++;
      return ran;
    },
  };
});

/** `computePercentileRatios` on the WebAssembly kernel or on the JavaScript fallback. */
function on(wasm: boolean): typeof compute {
  return (...args) => {
    kernel.enabled = wasm;
    const before = kernel.ran;
    const result = compute(...args);
    expect(kernel.ran - before).toBe(wasm ? 1 : 0);
    return result;
  };
}

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

describe.each([
  ["WebAssembly", true],
  ["JavaScript", false],
])("computePercentileRatios on %s", (_, wasm) => {
  const computePercentileRatios = on(wasm);
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

  it("cannot compute a ratio whose production percentile is 0 in some resamples only", () => {
    const [ratio] = computePercentileRatios([0, 0, 0, 1], [1, 2, 3, 4], { percents: [50], resamples: 50, seed: 1 });
    expect(ratio!.interval).toMatchObject({ ok: false, reason: expect.stringMatching(/infinite in some resamples/) });
  });

  const constant = (value: number) => new Float64Array(40).fill(value);

  it("gives constant latencies the zero-width interval at the ratio, with standard error 0", () => {
    for (const [control, treatment] of [
      [100, 120],
      [100, 100],
      [0.3, 0.33],
    ] as const) {
      const ratios = computePercentileRatios(constant(control), constant(treatment), {
        percents: [50, 95, 99],
        resamples: 200,
        seed: 3,
      });
      for (const { interval } of ratios) {
        expect(interval).toMatchObject({ ok: true, standardError: 0 });
        if (!interval.ok) continue;
        expect(interval.estimate).toBe(treatment / control);
        expect([interval.low, interval.high]).toEqual([interval.estimate, interval.estimate]);
      }
    }
  });

  it("gives all-zero latencies on both sides the ratio 1 at zero width: neither model is slower", () => {
    const [ratio] = computePercentileRatios(constant(0), constant(0), { percents: [95], resamples: 100, seed: 3 });
    expect(ratio!.interval).toMatchObject({ ok: true, estimate: 1, low: 1, high: 1, standardError: 0 });
  });

  it("gives a shadow slower than an all-zero production the interval [+∞, +∞], an open side staying open", () => {
    const options = { percents: [50], resamples: 100, seed: 3 };
    const [two] = computePercentileRatios(constant(0), constant(5), options);
    expect(two!.interval).toMatchObject({ ok: true, estimate: Infinity, low: Infinity, high: Infinity });
    const [less] = computePercentileRatios(constant(0), constant(5), { ...options, alternative: "less" });
    expect(less!.interval).toMatchObject({ ok: true, low: -Infinity, high: Infinity, levels: { high: 0.95 } });
  });

  it("throws StatsInputError for unpaired lengths or non-finite values", () => {
    expect(() => computePercentileRatios([1, 2], [1], { percents: [50], seed: 1 })).toThrow(StatsInputError);
    expect(() => computePercentileRatios([1, Number.NaN], [1, 2], { percents: [50], seed: 1 })).toThrow(
      StatsInputError,
    );
  });
});

describe("computePercentileRatios' two resamplers", () => {
  const wasm = on(true);
  const js = on(false);

  it("give the same result bit for bit: ties, constant values, n = 1 and 2, odd and even n, 1 to 2,000 resamples", () => {
    const random = createSeededRandom(2024);
    const sizes = [1, 2, 3, 4, 7, 40, 41, 999, 1000, 1500, 12_345];
    for (const [trial, n] of [...sizes, ...sizes].entries()) {
      // A few distinct values (ties), all equal, or continuous; zeros included, so some ratios are 1 or infinite.
      const distinct = [1, 3, 1 << 30][trial % 3] as number;
      const latency = () => Float64Array.from({ length: n }, () => random.nextInt(distinct) * 0.37);
      const percents = [0, 100, 50, 95, 99, ...Array.from({ length: trial % 4 }, () => random.nextDouble() * 100)];
      const options = { percents, resamples: 1 + random.nextInt(n < 2000 ? 2000 : 200), seed: trial };
      const control = latency();
      const treatment = latency();
      expect(wasm(control, treatment, options)).toEqual(js(control, treatment, options));
    }
  });

  it("give the same intervals bit for bit for the paired latencies of the reference data, 1,000 resamples", () => {
    const options = { percents: [1, 50, 90, 95, 99, 99.9], resamples: 1000, seed: 11, confidence: 0.9 };
    expect(wasm(production, shadow, options)).toEqual(js(production, shadow, options));
  });
});
