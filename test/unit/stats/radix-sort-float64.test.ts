import { describe, expect, it } from "vitest";
import { radixSortFloat64 } from "../../../shared/src/stats/radix-sort-float64.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";

describe("radixSortFloat64", () => {
  it("orders like Float64Array.prototype.sort, bit for bit: negatives, -0 before +0, ties, subnormals, extremes", () => {
    const rng = createSeededRandom(3);
    const special = [0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 2 ** -1074 * 3, 1e-310];
    for (const n of [10, 5000, 100_000]) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const pick = rng.nextInt(4);
        values[i] = pick === 0 ? special[rng.nextInt(special.length)]! : pick === 1 ? rng.nextInt(50) - 25 : (rng.nextDouble() - 0.5) * 10 ** (rng.nextInt(40) - 20);
      }
      const expected = new Float64Array(values).sort();
      radixSortFloat64(values);
      expect(Buffer.from(values.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    }
  });

  it("sorts a view in place without touching the rest of its buffer", () => {
    const all = new Float64Array(6000).map((_, i) => (i * 7919) % 6000);
    radixSortFloat64(all.subarray(1000, 5000));
    expect(all[999]).toBe((999 * 7919) % 6000);
    expect([...all.subarray(1000, 5000)]).toEqual([...all.subarray(1000, 5000)].sort((a, b) => a - b));
  });
});
