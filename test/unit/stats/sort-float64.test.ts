import { describe, expect, it } from "vitest";
import { sortFloat64 } from "../../../shared/src/stats/sort-float64.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";

/** Float64Array.prototype.sort's order, the reference (−0 before +0). */
const reference = (values: Float64Array) => Float64Array.from(values).sort();

function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, 2 * actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, 2 * expected.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== e[i]) expect.fail(`word ${i}: ${a[i]} vs ${e[i]}`);
}

describe("sortFloat64", () => {
  const random = createSeededRandom(7);

  it("orders 100,000 mixed-sign values of every magnitude exactly as Float64Array.prototype.sort", () => {
    const values = new Float64Array(100_000);
    for (let i = 0; i < values.length; i++) {
      const sign = random.nextDouble() < 0.5 ? -1 : 1;
      values[i] = sign * Math.exp((random.nextDouble() - 0.5) * 1400); // 1e-304 … 1e304
    }
    values.set([0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1], 0);
    const expected = reference(values);
    expectSameBits(sortFloat64(values), expected);
  });

  it("keeps duplicates and −0 before +0, on a sample with few distinct values", () => {
    const values = new Float64Array(50_000);
    for (let i = 0; i < values.length; i++)
      values[i] = [3, -0, 0, -2.5, 7, 3][Math.floor(random.nextDouble() * 6)] as number;
    const expected = reference(values);
    expectSameBits(sortFloat64(values), expected);
  });

  it("sorts in place a subarray view without touching its neighbours", () => {
    const backing = new Float64Array(10_002).map((_, i) => (i * 7919) % 10_007);
    const view = backing.subarray(1, 10_001);
    const expected = reference(view);
    sortFloat64(view);
    expectSameBits(view, expected);
    expect([backing[0], backing[10_001]]).toEqual([0, (10_001 * 7919) % 10_007]);
  });

  it("sorts short arrays and the empty array", () => {
    expect(Array.from(sortFloat64(new Float64Array([2, -1, 0.5])))).toEqual([-1, 0.5, 2]);
    expect(sortFloat64(new Float64Array(0)).length).toBe(0);
  });
});
