import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { normedWasserstein, populationStd, wassersteinDistance } from "../../../shared/src/stats/wasserstein.js";
import {
  driftCases,
  expectRelative,
  formulaSample,
  oracle,
  readNumericDrift,
  type SyntheticKsCase,
} from "./support/fixtures.js";

describe("wassersteinDistance and normedWasserstein against the oracle", () => {
  for (const file of ["numeric_drift.csv", "numeric_nodrift.csv", "numeric_small_ties.csv"]) {
    const block = oracle.numeric_drift[file];
    const { reference, current } = readNumericDrift(file);

    it(`${file}: scipy.stats.wasserstein_distance`, () => {
      expectRelative(wassersteinDistance(reference, current), block.wasserstein_distance, 1e-9);
      expectRelative(wassersteinDistance(current, reference), block.wasserstein_distance, 1e-9);
    });

    it(`${file}: divided by numpy.std(reference) with ddof = 0 (Evidently's normalisation)`, () => {
      expectRelative(normedWasserstein(reference, current), block.wasserstein_normed_by_ref_std_ddof0, 1e-9);
      // ddof = 1 would give a different number: the test tells them apart.
      const ddof1 = block.wasserstein_distance / block.summary.std_reference_ddof1;
      expect(Math.abs(normedWasserstein(reference, current) - ddof1)).toBeGreaterThan(1e-6);
    });
  }

  it.each(driftCases<SyntheticKsCase>("ks_2samp"))("synthetic %s", (_name, block) => {
    const reference = formulaSample(block.reference);
    const current = formulaSample(block.current);
    expectRelative(wassersteinDistance(reference, current), block.wasserstein_distance, 1e-9);
    expectRelative(normedWasserstein(reference, current), block.wasserstein_normed_by_ref_std_ddof0, 1e-9);
  });

  it("divides by the 0.001 floor when the reference is constant", () => {
    expectRelative(normedWasserstein([2, 2, 2], [2, 3]), 0.5 / 0.001, 1e-12);
  });

  it("computes the population standard deviation", () => {
    expectRelative(populationStd([1, 2, 3, 4]), Math.sqrt(1.25), 1e-15);
  });

  it.each([
    ["an empty reference", [], [1], /reference sample is empty/],
    ["an empty current sample", [1], [], /current sample is empty/],
    ["NaN", [1], [Number.NaN], /current sample has NaN at index 0/],
  ])("refuses %s", (_label, a, b, message) => {
    expect(() => wassersteinDistance(a, b)).toThrow(DataError);
    expect(() => normedWasserstein(a, b)).toThrow(message);
  });
});
