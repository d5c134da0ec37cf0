import { describe, expect, it } from "vitest";
import {
  adjustBenjaminiHochberg,
  adjustBonferroni,
  adjustHolm,
  holmStepDown,
} from "../../../shared/src/stats/multiple-testing.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { expectRelative, oracle, readPValues } from "./support/fixtures.js";

const pValues = Object.freeze(readPValues());
const expected = oracle.multiplicity;

function expectAll(actual: number[], reference: number[]): void {
  expect(actual).toHaveLength(reference.length);
  actual.forEach((value, i) => expectRelative(value, reference[i] as number, 1e-12));
}

describe("p-value adjustment", () => {
  it("reads the oracle's 16 p-values, with a tie and a 1.0", () => {
    expectAll([...pValues], expected.p);
  });

  it("adjustHolm matches the oracle's Holm step-down values in input order to 1e-12", () => {
    expectAll(adjustHolm(pValues), expected.holm_adjusted);
  });

  it("adjustBenjaminiHochberg matches the oracle's BH step-up values in input order to 1e-12", () => {
    expectAll(adjustBenjaminiHochberg(pValues), expected.bh_adjusted);
  });

  it("adjustBonferroni matches the oracle's min(1, m·p) to 1e-12", () => {
    expectAll(adjustBonferroni(pValues), expected.bonferroni_adjusted);
  });

  it("returns an empty list for an empty family", () => {
    expect(adjustHolm([])).toEqual([]);
    expect(adjustBenjaminiHochberg([])).toEqual([]);
  });

  it("throws StatsInputError for a p-value outside [0, 1] or NaN", () => {
    expect(() => adjustHolm([0.1, 1.2])).toThrow(StatsInputError);
    expect(() => adjustBenjaminiHochberg([Number.NaN])).toThrow(StatsInputError);
    expect(() => adjustBonferroni([-0.01])).toThrow(StatsInputError);
  });
});

describe("holmStepDown", () => {
  it("rejects exactly the oracle's Holm rejections at family alpha 0.05", () => {
    expect(holmStepDown(pValues, 0.05).map((d) => d.rejected)).toEqual(expected["holm_reject_0.05"]);
  });

  it("holds the i-th smallest p-value to alpha/(m − i + 1), ties in input order", () => {
    const decisions = holmStepDown([0.04, 0.001, 0.012, 0.012], 0.05);
    expect(decisions.map((d) => d.alpha)).toEqual([0.05 / 1, 0.05 / 4, 0.05 / 3, 0.05 / 2]);
    expect(decisions.map((d) => d.rejected)).toEqual([true, true, true, true]);
  });

  it("stops rejecting at the first p-value above its level, even if a later one is below its own", () => {
    // Sorted: 0.01 ≤ 0.05/3 rejects; 0.03 > 0.05/2 stops; 0.04 ≤ 0.05/1 would pass alone but is not rejected.
    expect(holmStepDown([0.03, 0.01, 0.04], 0.05).map((d) => d.rejected)).toEqual([false, true, false]);
  });

  it("throws StatsInputError for a family alpha outside (0, 1)", () => {
    expect(() => holmStepDown([0.01], 5)).toThrow(StatsInputError);
  });
});
