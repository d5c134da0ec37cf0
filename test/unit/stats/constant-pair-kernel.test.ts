import { describe, expect, it } from "vitest";
import { constantPairKernel } from "../../../shared/src/stats/constant-pair-kernel.js";
import { computeDelong } from "../../../shared/src/stats/delong.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

/** The definition, pair by pair: ROC AUC's kernel (1, ½, 0) of every positive–negative pair, if it is one value. */
function kernelByDefinition(labels: number[], scores: number[]): number | undefined {
  const kernels = new Set<number>();
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] === 1) continue;
      kernels.add(scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0);
    }
  }
  return kernels.size === 1 ? [...kernels][0] : undefined;
}

describe("constantPairKernel", () => {
  it("names the kernel of a model that scores the classes apart, the wrong way round or all alike", () => {
    expect(constantPairKernel([1, 0, 1, 0], [0.9, 0.1, 0.6, 0.6 - 1e-9])).toBe(1);
    expect(constantPairKernel([1, 0, 1, 0], [0.1, 0.9, 0.2, 0.3])).toBe(0);
    expect(constantPairKernel([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // A tie across the classes, or one pair ordered the other way, leaves more than one kernel value.
    expect(constantPairKernel([1, 0, 1, 0], [0.9, 0.1, 0.6, 0.6])).toBeUndefined();
    expect(constantPairKernel([1, 0, 1, 0], [0.9, 0.1, 0.2, 0.3])).toBeUndefined();
    // Positives all tied with each other but above the negatives still order every pair one way.
    expect(constantPairKernel([1, 0, 1, 0], [0.7, 0.1, 0.7, 0.2])).toBe(1);
  });

  it("has no kernel without a positive or without a negative", () => {
    expect(constantPairKernel([1, 1], [0.2, 0.3])).toBeUndefined();
    expect(constantPairKernel([0, 0], [0.2, 0.2])).toBeUndefined();
  });

  it("agrees with the pair-by-pair definition on 400 seeded small samples full of ties", () => {
    const random = createSeededRandom(21);
    const found = new Map<number | undefined, number>();
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + random.nextInt(7);
      const labels = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : random.nextInt(2)));
      // A third of the trials shift the positives up or down by 3, so that many separate the classes.
      const shift = [0, 3, -3][trial % 3]!;
      const scores = labels.map((y) => (trial % 7 === 0 ? 1 : random.nextInt(3)) + (y === 1 ? shift : 0));
      const wanted = kernelByDefinition(labels, scores);
      found.set(wanted, (found.get(wanted) ?? 0) + 1);
      expect(constantPairKernel(labels, scores), `labels ${labels} scores ${scores}`).toBe(wanted);
    }
    for (const kernel of [0, 0.5, 1, undefined]) expect(found.get(kernel), String(kernel)).toBeGreaterThan(10);
  });

  it("holds for both models whenever they order the pairs differently and DeLong's variance of the change is 0", () => {
    const labels = Array.from({ length: 40 }, (_, i) => i % 2);
    const apart = labels.map((y, i) => (y === 1 ? 0.6 : 0.1) + i / 1000);
    const tied = labels.map(() => 0.5);
    const reversed = apart.map((x) => -x);
    for (const [baseline, candidate] of [
      [tied, apart],
      [apart, reversed],
      [reversed, tied],
    ]) {
      expect(computeDelong(labels, baseline!, candidate!).ok).toBe(false);
      expect(constantPairKernel(labels, baseline!)).not.toBeUndefined();
      expect(constantPairKernel(labels, candidate!)).not.toBeUndefined();
    }
  });

  it("refuses labels other than 0/1, mismatched lengths and non-finite scores", () => {
    expect(() => constantPairKernel([1, 2], [0.1, 0.2])).toThrow(StatsInputError);
    expect(() => constantPairKernel([1, 0], [0.1])).toThrow(StatsInputError);
    expect(() => constantPairKernel([1, 0], [0.1, NaN])).toThrow(StatsInputError);
  });
});
