import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { jensenShannonDistance } from "../../../shared/src/stats/jensen-shannon.js";
import { driftCases, expectRelative, oracle, type ScipyJensenShannonCase } from "./support/fixtures.js";

interface BinsBlock {
  reference_counts: number[];
  current_counts: number[];
  js_distance_base_e: number;
  js_distance_base_2: number;
}

describe("jensenShannonDistance against the oracle (scipy.spatial.distance.jensenshannon)", () => {
  const cases: [string, BinsBlock][] = [
    ["categorical_drift", oracle.categorical_drift],
    ...["numeric_drift.csv", "numeric_nodrift.csv", "numeric_small_ties.csv"].flatMap((file) =>
      (["bins_closed_left", "bins_closed_right"] as const).map(
        (closed) =>
          [`${file} ${closed}`, oracle.numeric_drift[file].psi_10_quantile_bins[closed]] as [string, BinsBlock],
      ),
    ),
  ];
  it.each(cases)("%s, base e (default) and base 2, on counts", (_name, block) => {
    expectRelative(jensenShannonDistance(block.reference_counts, block.current_counts), block.js_distance_base_e, 1e-9);
    expectRelative(
      jensenShannonDistance(block.reference_counts, block.current_counts, 2),
      block.js_distance_base_2,
      1e-9,
    );
  });

  it.each(driftCases<ScipyJensenShannonCase>("jensenshannon"))("%s, bases e, 2 and 10", (_name, block) => {
    expectRelative(jensenShannonDistance(block.p, block.q), block.base_e, 1e-9);
    expectRelative(jensenShannonDistance(block.p, block.q, 2), block.base_2, 1e-9);
    expectRelative(jensenShannonDistance(block.p, block.q, 10), block.base_10, 1e-9);
  });

  it("reaches its maximum √ln 2 (base e) and 1 (base 2) on disjoint supports", () => {
    expectRelative(jensenShannonDistance([1, 0], [0, 1]), Math.sqrt(Math.LN2), 1e-15);
    expectRelative(jensenShannonDistance([1, 0], [0, 1], 2), 1, 1e-15);
  });

  it("is 0 for a single category", () => {
    expect(jensenShannonDistance([5], [9])).toBe(0);
  });

  it.each([
    ["different lengths", [1, 2], [1], undefined, /2 reference entries but 1 current/],
    ["an all-zero side", [0, 0], [1, 1], undefined, /reference counts sum to 0/],
    ["NaN", [1, Number.NaN], [1, 1], undefined, /reference count at index 1 is NaN/],
    ["base 1", [1], [1], 1, /log base is 1/],
    ["base 0", [1], [1], 0, /log base is 0/],
  ])("refuses %s", (_label, p, q, base, message) => {
    expect(() => jensenShannonDistance(p, q, base)).toThrow(DataError);
    expect(() => jensenShannonDistance(p, q, base)).toThrow(message);
  });
});
