import { describe, expect, it } from "vitest";
import { NumberTally, tallyProfile } from "../../../../shared/src/validate/profile/number-tally.js";
import type { TallyState } from "../../../../shared/src/validate/profile/number-tally.js";
import { MAX_NUMBER_LEVELS } from "../../../../shared/src/validate/profile/profile-levels.js";
import { tallyHeldColumn } from "../../../../shared/src/validate/profile/tally-held-column.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

const counts = { name: "x", missing: 0, nonNumeric: 0, nonFinite: 0 };

/** The tally's state after one pass over `values`, the reference the held column's count must equal. */
function tallied(values: Float64Array): TallyState {
  const tally = new NumberTally();
  tally.addMany(values, 0, values.length);
  return tally.state();
}

/** Both counts as the profile stores them, and min and max with their sign of zero. */
function expectSameTally(values: Float64Array): void {
  const held = tallyHeldColumn(values);
  const reference = tallied(values);
  expect(JSON.stringify(tallyProfile(held, counts, values.length, "0".repeat(64)))).toBe(
    JSON.stringify(tallyProfile(reference, counts, values.length, "0".repeat(64))),
  );
  expect(Object.is(held.min, reference.min)).toBe(true);
  expect(Object.is(held.max, reference.max)).toBe(true);
  expect(held.mean).toBe(reference.mean);
  expect(held.m2).toBe(reference.m2);
}

describe("tallyHeldColumn", () => {
  it("gives NumberTally's profile for random columns of every shape, bit for bit", () => {
    const random = createSeededRandom(23);
    const draws: Array<() => number> = [
      // Integers of a few levels, then of more than the levels kept.
      () => Math.floor(random.nextDouble() * MAX_NUMBER_LEVELS),
      () => Math.floor(random.nextDouble() * (MAX_NUMBER_LEVELS + 1)),
      () => Math.floor(random.nextDouble() * 5000) - 2500,
      // Prices, spread magnitudes of both signs, tiny magnitudes (the zero bucket), just under 1 (bucket −0).
      () => Math.round(random.nextDouble() * 10000) / 100,
      () => (random.nextDouble() - 0.4) * Math.exp(40 * (random.nextDouble() - 0.5)),
      () => (random.nextDouble() < 0.5 ? 1e-301 : -1e-305) * random.nextDouble(),
      () => -(1 - random.nextDouble() * 0.004),
    ];
    for (const draw of draws) {
      for (const length of [0, 1, 2, 7, 300, 1500]) {
        const values = Float64Array.from({ length }, () => {
          const u = random.nextDouble();
          // Missing cells (NaN), both zeros, among the drawn values.
          return u < 0.05 ? NaN : u < 0.08 ? 0 : u < 0.11 ? -0 : draw();
        });
        expectSameTally(values);
      }
    }
  });

  it("keeps the first zero of the row order as min or max, 0 or −0, as the tally does", () => {
    for (const values of [
      [0, -0, 1],
      [-0, 0, 1],
      [-1, 0, -0],
      [-1, -0, 0],
      [-0, 0],
      [0, -0],
      [NaN, -0, 0, NaN],
    ])
      expectSameTally(Float64Array.from(values));
  });

  it("counts nothing but the rows of a column with no finite value", () => {
    expectSameTally(Float64Array.from([NaN, NaN]));
    expectSameTally(Float64Array.from([Infinity, -Infinity, NaN]));
    expect(tallyHeldColumn(Float64Array.from([NaN])).count).toBe(0);
  });
});
