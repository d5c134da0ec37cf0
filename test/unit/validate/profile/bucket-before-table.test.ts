import { describe, expect, it } from "vitest";
import { addToSketch, emptySketch } from "../../../../shared/src/validate/profile/log-bucket-sketch.js";
import { NumberTally } from "../../../../shared/src/validate/profile/number-tally.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

// Alone in its file: the sketch's bucket table is per process, and this checks the values counted before an
// exponent's cells exist (bucketed by the logarithm), at the switch to the table, and after it.

const sketchOf = (values: ArrayLike<number>) => {
  const sketch = emptySketch();
  for (let i = 0; i < values.length; i++) addToSketch(sketch, values[i]!);
  return sketch;
};
const bucketsOf = (tally: NumberTally) => {
  const state = tally.state();
  return { positive: new Map(state.positive), negative: new Map(state.negative), zero: state.zero };
};

describe("NumberTally's sketch before and after an exponent's bucket table", () => {
  it("counts the same buckets as the formula when one exponent's values pass from the logarithm to the table", () => {
    const random = createSeededRandom(17);
    // 10,000 values of one binary exponent (2^20 to 2^21) and 10,000 just under 1 (whose formula bucket is −0).
    const values = new Float64Array(20_000);
    for (let i = 0; i < 10_000; i++) values[i] = 2 ** 20 * (1 + random.nextDouble());
    for (let i = 10_000; i < 20_000; i++) values[i] = -(1 - random.nextDouble() * 0.004);
    const small = new NumberTally();
    small.addMany(values, 0, 3_000);
    expect(bucketsOf(small)).toEqual(sketchOf(values.subarray(0, 3_000)));
    const whole = new NumberTally();
    whole.addMany(values, 0, values.length);
    expect(bucketsOf(whole)).toEqual(sketchOf(values));
    expect(bucketsOf(whole).negative.get(0)).toBe(10_000);
    // Counted again, all from the table now: the same state.
    const again = new NumberTally();
    again.addMany(values, 0, values.length);
    expect(again.state()).toEqual(whole.state());
  });
});
