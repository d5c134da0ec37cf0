import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import {
  binCounts,
  binCountsOfSorted,
  populationStabilityIndex,
  quantileBinEdges,
  quantileBinEdgesOfSorted,
} from "../../../shared/src/stats/population-stability-index.js";
import { sortedSample } from "../../../shared/src/stats/sorted-sample.js";
import { expectRelative, oracle, readCategoricalDrift, readNumericDrift } from "./support/fixtures.js";

const NUMERIC_FILES = ["numeric_drift.csv", "numeric_nodrift.csv", "numeric_small_ties.csv"];

describe("quantileBinEdges and binCounts against the oracle's reference deciles (np.quantile, searchsorted)", () => {
  for (const file of NUMERIC_FILES) {
    const block = oracle.numeric_drift[file].psi_10_quantile_bins;
    const { reference, current } = readNumericDrift(file);

    it(`${file}: the interior edges equal NumPy's bit for bit, duplicates merged`, () => {
      const edges = quantileBinEdges(reference, 10);
      expect(edges).toEqual(block.interior_edges_unique);
      expect(quantileBinEdgesOfSorted(sortedSample(reference, "reference"), 10)).toEqual(edges);
      expect(edges.length + 1).toBe(block.n_bins_effective);
    });

    for (const closed of ["left", "right"] as const) {
      it(`${file}: counts with bins closed on the ${closed}`, () => {
        const edges = quantileBinEdges(reference);
        const expected = block[`bins_closed_${closed}`];
        expect(binCounts(reference, edges, closed)).toEqual(expected.reference_counts);
        expect(binCounts(current, edges, closed)).toEqual(expected.current_counts);
        expect(binCountsOfSorted(sortedSample(reference, "reference"), edges, closed)).toEqual(
          expected.reference_counts,
        );
        expect(binCountsOfSorted(sortedSample(current, "current"), edges, closed)).toEqual(expected.current_counts);
      });
    }
  }

  it("puts values beyond the reference's range into the open-ended outer bins", () => {
    expect(binCounts([-100, 0, 1, 2, 3, 100], [1, 2])).toEqual([2, 1, 3]);
    expect(binCounts([-100, 0, 1, 2, 3, 100], [1, 2], "right")).toEqual([3, 1, 2]);
    const sorted = new Float64Array([-100, 0, 1, 2, 3, 100]);
    expect(binCountsOfSorted(sorted, [1, 2])).toEqual([2, 1, 3]);
    expect(binCountsOfSorted(sorted, [1, 2], "right")).toEqual([3, 1, 2]);
    expect(binCountsOfSorted(sorted, [])).toEqual([6]);
  });

  it("counts a sorted sample with many values on the edges as binCounts does, for both closures", () => {
    const values = Array.from({ length: 5_000 }, (_, i) => ((i * 7919) % 101) / 10);
    const edges = quantileBinEdges(values, 7);
    const sorted = sortedSample(values, "current");
    for (const closed of ["left", "right"] as const) {
      expect(binCountsOfSorted(sorted, edges, closed)).toEqual(binCounts(values, edges, closed));
    }
  });

  it("merges an all-equal reference's edges into one (two bins: below it, and it or above); bins = 1 has none", () => {
    expect(quantileBinEdges([5, 5, 5, 5])).toEqual([5]);
    expect(binCounts([4, 5, 6], [5])).toEqual([1, 2]);
    expect(quantileBinEdges([1, 2, 3], 1)).toEqual([]);
    expect(binCounts([1, 7], [])).toEqual([2]);
  });

  it("refuses an empty reference, NaN, bad bin numbers and unsorted edges", () => {
    expect(() => quantileBinEdges([])).toThrow(/reference sample is empty/);
    expect(() => quantileBinEdgesOfSorted(new Float64Array(0))).toThrow(/reference sample is empty/);
    expect(() => quantileBinEdges([1, Number.NaN])).toThrow(/NaN at index 1/);
    expect(() => quantileBinEdges([1, 2], 0)).toThrow(/number of bins is 0/);
    expect(() => quantileBinEdges([1, 2], 2.5)).toThrow(DataError);
    expect(() => binCounts([1], [2, 1])).toThrow(/edges must ascend/);
    expect(() => binCountsOfSorted(new Float64Array([1]), [2, 2])).toThrow(/edges must ascend/);
    expect(() => binCounts([Number.NaN], [1])).toThrow(/Value 0 is NaN/);
  });
});

describe("populationStabilityIndex against the oracle (proportions floored at 1e-4)", () => {
  for (const file of NUMERIC_FILES) {
    for (const closed of ["left", "right"] as const) {
      it(`${file}, bins closed on the ${closed}`, () => {
        const block = oracle.numeric_drift[file].psi_10_quantile_bins[`bins_closed_${closed}`];
        const result = populationStabilityIndex(block.reference_counts, block.current_counts);
        expectRelative(result.value, block.psi, 1e-9);
        (block.psi_terms as number[]).forEach((term, i) => expectRelative(result.terms[i] as number, term, 1e-9));
      });
    }
  }

  it("categorical_drift: the category seen only in the current data dominates (psi_eps_1e-4, psi_terms)", () => {
    const block = oracle.categorical_drift;
    const { reference, current } = readCategoricalDrift();
    const count = (labels: string[]) => (block.categories as string[]).map((c) => labels.filter((l) => l === c).length);
    expect(count(reference)).toEqual(block.reference_counts);
    expect(count(current)).toEqual(block.current_counts);
    const result = populationStabilityIndex(block.reference_counts, block.current_counts, { epsilon: 1e-4 });
    expectRelative(result.value, block["psi_eps_1e-4"], 1e-9);
    (block.psi_terms as number[]).forEach((term, i) => expectRelative(result.terms[i] as number, term, 1e-9));
  });

  it("the epsilon is an option that changes the unseen category's term", () => {
    const block = oracle.categorical_drift;
    const coarse = populationStabilityIndex(block.reference_counts, block.current_counts, { epsilon: 1e-2 });
    expect(coarse.value).toBeLessThan(block["psi_eps_1e-4"] - 0.05);
  });

  it("is 0 for identical proportions and counts a bin empty on both sides as 0", () => {
    expect(populationStabilityIndex([1, 2, 0], [2, 4, 0])).toEqual({ value: 0, terms: [0, 0, 0] });
  });

  it("a single category is always 0", () => {
    expect(populationStabilityIndex([10], [3]).value).toBe(0);
  });

  it.each([
    ["different lengths", [1, 2], [1], {}, /2 reference counts but 1 current/],
    ["an empty current sample", [1, 2], [0, 0], {}, /current counts sum to 0/],
    ["a negative count", [1, -2], [1, 2], {}, /reference count at index 1 is -2/],
    ["no bins", [], [], {}, /reference counts are empty/],
    ["epsilon 0", [1], [1], { epsilon: 0 }, /epsilon is 0/],
  ])("refuses %s", (_label, reference, current, options, message) => {
    expect(() => populationStabilityIndex(reference, current, options)).toThrow(DataError);
    expect(() => populationStabilityIndex(reference, current, options)).toThrow(message);
  });
});
