import { describe, expect, it } from "vitest";
import { argsortFloat64 } from "../../../shared/src/stats/argsort-float64.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";

describe("argsortFloat64", () => {
  it("gives the comparator sort's order: ascending, ties and -0/+0 by index", () => {
    const rng = createSeededRandom(5);
    for (const n of [50, 2047, 20_000]) {
      const values = Array.from(
        { length: n },
        () => [0, -0, 1.5, -2][rng.nextInt(4)]! * (rng.nextInt(3) === 0 ? 1 : rng.nextDouble() * 100),
      );
      const expected = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i]! - values[j]! || i - j);
      expect([...argsortFloat64(values)]).toEqual([...expected]);
    }
  });

  it("keeps an earlier result intact when it is called again (its scratch is reused)", () => {
    const first = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    const order = argsortFloat64(first);
    const copy = [...order];
    argsortFloat64(Array.from({ length: 6000 }, (_, i) => 6000 - i));
    expect([...order]).toEqual(copy);
    expect(order.map((i) => first[i]!)).toEqual(Uint32Array.from({ length: 5000 }, (_, i) => i));
  });
});
