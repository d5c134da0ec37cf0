import { describe, expect, it } from "vitest";
import { comparePairOrdering } from "../../../shared/src/stats/compare-pair-ordering.js";
import { computeDelong } from "../../../shared/src/stats/delong.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";
import { readPairedPredictions } from "./support/fixtures.js";

const data = readPairedPredictions();

/** The definition, pair by pair: the sign of (positive − negative) under both score vectors, O(m·n). */
function alikeByDefinition(labels: number[], a: number[], b: number[]): boolean {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] === 1) continue;
      if (Math.sign(a[i]! - a[j]!) !== Math.sign(b[i]! - b[j]!)) return false;
    }
  }
  return true;
}

describe("comparePairOrdering", () => {
  it("finds identical scores and a strictly increasing transform alike on the oracle's 433 × 567 pairs", () => {
    expect(comparePairOrdering(data.yTrue, data.baselineScore, data.baselineScore)).toEqual({
      alike: true,
      positives: 433,
      negatives: 567,
    });
    expect(
      comparePairOrdering(
        data.yTrue,
        data.baselineScore,
        data.baselineScore.map((x) => 2 * x + 1),
      ).alike,
    ).toBe(true);
    // Both models order every pair alike exactly when DeLong's variance of the difference vanishes (here).
    expect(
      computeDelong(
        data.yTrue,
        data.baselineScore,
        data.baselineScore.map((x) => 2 * x + 1),
      ).ok,
    ).toBe(false);
  });

  it("finds scores rounded into ties, or two models with different rankings, not alike", () => {
    expect(
      comparePairOrdering(
        data.yTrue,
        data.baselineScore,
        data.baselineScore.map((x) => Math.round(x * 10) / 10),
      ).alike,
    ).toBe(false);
    expect(comparePairOrdering(data.yTrue, data.baselineScore, data.candidateScore).alike).toBe(false);
  });

  it("ignores reorderings within a class that cross no example of the other class", () => {
    // Positives at 0.8 and 0.9 swap places; no negative lies between them.
    expect(comparePairOrdering([1, 1, 0, 0], [0.8, 0.9, 0.1, 0.2], [0.9, 0.8, 0.1, 0.2]).alike).toBe(true);
    // A positive moves below a negative.
    expect(comparePairOrdering([1, 1, 0, 0], [0.8, 0.9, 0.1, 0.2], [0.15, 0.9, 0.1, 0.2]).alike).toBe(false);
    // A strict order becomes a tie.
    expect(comparePairOrdering([1, 0], [0.8, 0.1], [0.5, 0.5]).alike).toBe(false);
  });

  it("agrees with the pair-by-pair definition on 400 seeded small samples full of ties", () => {
    const random = createSeededRandom(20);
    let alike = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + random.nextInt(9);
      const labels = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : random.nextInt(2)));
      const a = Array.from({ length: n }, () => random.nextInt(4));
      // Half the trials keep a's order through a monotone map, perturbed at one example in half of those.
      const b = trial % 2 === 0 ? a.map((x) => 3 * x) : Array.from({ length: n }, () => random.nextInt(4));
      if (trial % 4 === 0) b[random.nextInt(n)] = random.nextInt(12);
      const wanted = alikeByDefinition(labels, a, b);
      if (wanted) alike++;
      expect(comparePairOrdering(labels, a, b).alike, `labels ${labels} a ${a} b ${b}`).toBe(wanted);
    }
    expect(alike).toBeGreaterThan(100);
    expect(alike).toBeLessThan(350);
  });

  it("refuses labels other than 0/1 and mismatched lengths", () => {
    expect(() => comparePairOrdering([1, 2], [0.1, 0.2], [0.1, 0.2])).toThrow(StatsInputError);
    expect(() => comparePairOrdering([1, 0], [0.1, 0.2], [0.1])).toThrow(StatsInputError);
  });
});
