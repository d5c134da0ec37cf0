import { describe, expect, it } from "vitest";
import { argsortFloat64 } from "../../../shared/src/stats/argsort-float64.js";
import {
  jsResamplePositions,
  planPercentiles,
  type PercentilePlan,
} from "../../../shared/src/stats/percentile-resample.js";
import { wasmResamplePositions } from "../../../shared/src/stats/percentile-resample-wasm.js";
import { PERCENTILE_RESAMPLE_WASM_BASE64 } from "../../../shared/src/stats/percentile-resample-wasm-bytes.js";
import { createSeededRandom, seededState } from "../../../shared/src/stats/seeded-random.js";

type State = [number, number, number, number];

/** Every resample's positions, one after another, from one of the two resamplers. */
function collect(
  resampler: (...args: Parameters<typeof jsResamplePositions>) => boolean | void,
  state: State,
  controlOrder: Uint32Array,
  treatmentOrder: Uint32Array,
  plan: PercentilePlan,
  resamples: number,
): { ran: boolean; positions: Int32Array } {
  const width = 2 * (plan.up.length + plan.down.length);
  const positions = new Int32Array(resamples * width);
  let next = 0;
  const ran = resampler(state, controlOrder, treatmentOrder, plan, resamples, (b, resample) => {
    expect(b).toBe(next++);
    positions.set(resample, b * width);
  });
  return { ran: ran !== false, positions };
}

/** The index of the first position where the two differ, -1 when they are equal and as long. */
function firstDifference(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Latencies of n requests: `distinct` different values (ties when few), or all equal when 1. */
function latencies(seed: number, n: number, distinct: number): Float64Array {
  const random = createSeededRandom(seed);
  return Float64Array.from({ length: n }, () => (random.nextInt(distinct) * 7.25) / distinct + 1);
}

/** The WebAssembly positions, checked equal to JavaScript's for every resample. */
function expectSamePositions(seed: number, n: number, distinct: number, percents: number[], resamples: number): void {
  const controlOrder = argsortFloat64(latencies(seed, n, distinct));
  const treatmentOrder = argsortFloat64(latencies(seed + 1, n, distinct));
  const plan = planPercentiles(n, percents);
  const state = seededState(seed);
  const wasm = collect(wasmResamplePositions, state, controlOrder, treatmentOrder, plan, resamples);
  const js = collect(jsResamplePositions, state, controlOrder, treatmentOrder, plan, resamples);
  expect(wasm.ran).toBe(true);
  expect(wasm.positions.length).toBe(resamples * 2 * (plan.up.length + plan.down.length));
  expect(firstDifference(wasm.positions, js.positions), `n ${n}, seed ${seed}, percents ${percents}`).toBe(-1);
}

describe("wasmResamplePositions", () => {
  it("is the module percentile-resample.wat assembles to (node shared/tools/build-wasm.mjs writes it)", async () => {
    const tool = "../../../shared/tools/build-wasm.mjs";
    const { assembleWasm } = (await import(tool)) as { assembleWasm(wat: string): Promise<Buffer> };
    expect((await assembleWasm("stats/percentile-resample.wat")).toString("base64")).toBe(
      PERCENTILE_RESAMPLE_WASM_BASE64,
    );
  });

  it("draws and walks to the same positions as JavaScript for small samples, ties and constant values", () => {
    const percentSets = [[50], [0, 100], [50, 95, 99], [0, 1, 25, 50, 50, 75, 99.9, 100], [33.3, 66.7]];
    let seed = 1;
    for (const n of [1, 2, 3, 4, 5, 10, 11, 64, 1471, 1500]) {
      for (const distinct of [1, 2, 5, 1_000_000]) {
        for (const percents of percentSets) expectSamePositions(seed++, n, distinct, percents, 1 + (seed % 40));
      }
    }
  });

  it("draws and walks to the same positions as JavaScript for up to 2,000 resamples and random percents", () => {
    const random = createSeededRandom(99);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + random.nextInt(3000);
      const percents = Array.from({ length: 1 + random.nextInt(6) }, () => random.nextDouble() * 100);
      expectSamePositions(1000 + trial, n, 1 + random.nextInt(n * 2), percents, 1 + random.nextInt(2000));
    }
    expectSamePositions(77, 1500, 300, [50, 95, 99], 2000);
  });

  it("draws and walks to the same positions as JavaScript for large samples, up to n = 2²¹", () => {
    expectSamePositions(5, 200_001, 1_000_000, [0, 50, 95, 99, 100], 12);
    expectSamePositions(6, 2 ** 21, 50_000, [50, 99], 2);
  });

  it("leaves samples above 2²¹ to JavaScript, drawing nothing", () => {
    const order = new Uint32Array(2 ** 21 + 1);
    const plan = planPercentiles(order.length, [50]);
    let called = 0;
    expect(wasmResamplePositions(seededState(1), order, order, plan, 3, () => called++)).toBe(false);
    expect(called).toBe(0);
  });
});
