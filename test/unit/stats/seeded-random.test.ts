import { describe, expect, it } from "vitest";
import {
  createSeededRandom,
  createSeededRandomFromState,
  seededState,
} from "../../../shared/src/stats/seeded-random.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

const draw = (count: number, next: () => number): number[] => Array.from({ length: count }, next);

describe("createSeededRandomFromState", () => {
  it("reproduces the xoshiro128** 1.1 reference outputs from state {1, 2, 3, 4}", () => {
    // rand_xoshiro's `reference` test (xoshiro128starstar.rs), produced with Vigna's xoshiro128starstar.c v1.1.
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ];
    const random = createSeededRandomFromState([1, 2, 3, 4]);
    expect(draw(10, () => random.nextUint32())).toEqual(expected);
  });

  it("throws StatsInputError for the all-zero state", () => {
    expect(() => createSeededRandomFromState([0, 0, 0, 0])).toThrow(StatsInputError);
  });
});

describe("createSeededRandom", () => {
  it("seeds the state with the first two SplitMix64 outputs, low word first", () => {
    // SplitMix64 from seed 1234567: 6457827717110365317, 3203168211198807973 (Rosetta Code "Splitmix64").
    const outputs = [6457827717110365317n, 3203168211198807973n];
    const words = outputs.flatMap((x) => [Number(x & 0xffffffffn), Number(x >> 32n)]);
    const seeded = createSeededRandom(1234567);
    const fromState = createSeededRandomFromState(words as [number, number, number, number]);
    expect(draw(20, () => seeded.nextUint32())).toEqual(draw(20, () => fromState.nextUint32()));
  });

  it("starts from the state seededState gives", () => {
    for (const seed of [0, 1, -1, 1234567, Number.MAX_SAFE_INTEGER]) {
      const state = seededState(seed);
      expect(state.every((word) => Number.isInteger(word) && word >= 0 && word < 2 ** 32)).toBe(true);
      const seeded = createSeededRandom(seed);
      const fromState = createSeededRandomFromState(state);
      expect(draw(20, () => seeded.nextUint32())).toEqual(draw(20, () => fromState.nextUint32()));
    }
    expect(() => seededState(0.5)).toThrow(StatsInputError);
  });

  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const first = draw(100, () => a.nextDouble());
    expect(draw(100, () => b.nextDouble())).toEqual(first);
    expect(draw(100, () => c.nextDouble())).not.toEqual(first);
  });

  it("draws doubles in [0, 1) with mean near ½", () => {
    const random = createSeededRandom(7);
    const values = draw(100_000, () => random.nextDouble());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Standard error of the mean of 1e5 uniforms is 0.0009; 0.005 is over five of them.
    expect(Math.abs(values.reduce((s, x) => s + x, 0) / values.length - 0.5)).toBeLessThan(0.005);
  });

  it("draws integers in [0, n) with every value about equally often when n is not a power of two", () => {
    const random = createSeededRandom(11);
    const counts = new Array<number>(3).fill(0);
    for (let i = 0; i < 300_000; i++) (counts[random.nextInt(3)] as number)++;
    // Chi-square with 2 degrees of freedom; 13.8 is its 0.999 quantile (scipy.stats.chi2.ppf(0.999, 2)).
    const chiSquare = counts.reduce((s, count) => s + (count - 100_000) ** 2 / 100_000, 0);
    expect(chiSquare).toBeLessThan(13.8);
    expect(draw(1000, () => random.nextInt(1)).every((x) => x === 0)).toBe(true);
    const wide = draw(1000, () => random.nextInt(2 ** 32));
    expect(wide.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it("fills a buffer with the same integers as repeated nextInt, below and above n = 2²¹", () => {
    for (const n of [1, 7, 100_000, 2 ** 21, 2 ** 21 + 1, 6_291_456]) {
      const a = createSeededRandom(n);
      const b = createSeededRandom(n);
      const filled = new Uint32Array(1000);
      a.fillInts(n, filled);
      expect([...filled]).toEqual(draw(1000, () => b.nextInt(n)));
    }
  });

  it("tallies the same integers as fillInts draws, below and above n = 2²¹, leaving the generator where fillInts does", () => {
    for (const n of [1, 7, 1472, 2 ** 21, 2 ** 21 + 1]) {
      const a = createSeededRandom(n);
      const b = createSeededRandom(n);
      const filled = new Uint32Array(3000);
      a.fillInts(n, filled);
      const expected = new Int32Array(n);
      for (const x of filled) (expected[x] as number)++;
      const counts = new Int32Array(n);
      b.tallyInts(n, 3000, counts);
      expect(counts).toEqual(expected);
      expect(b.nextUint32()).toBe(a.nextUint32());
    }
  });

  it("draws integers above 2²¹ uniformly: each third of [0, 3·2²¹) about equally often", () => {
    const random = createSeededRandom(13);
    const values = new Uint32Array(300_000);
    random.fillInts(6_291_456, values);
    const counts = [0, 0, 0];
    for (const x of values) (counts[Math.floor(x / 2_097_152)] as number)++;
    expect(counts.reduce((s, count) => s + (count - 100_000) ** 2 / 100_000, 0)).toBeLessThan(13.8);
  });

  it("throws StatsInputError for a non-integer seed or bound", () => {
    expect(() => createSeededRandom(1.5)).toThrow(StatsInputError);
    expect(() => createSeededRandom(42).nextInt(0)).toThrow(StatsInputError);
    expect(() => createSeededRandom(42).nextInt(2 ** 32 + 1)).toThrow(StatsInputError);
  });
});
