import { describe, expect, it } from "vitest";
import { readExplanations } from "../../../shared/src/explain/read-explanations.js";
import { compareExplanations } from "../../../shared/src/explain/compare-explanations.js";
import type { Explanations } from "../../../shared/src/explain/explanations.js";
import { expected, fixtureAccess } from "./support/load-fixtures.js";

const candidate = await readExplanations("candidate-attributions.csv", fixtureAccess, "candidate-explanations");
const baseline = await readExplanations("baseline-attributions.csv", fixtureAccess, "baseline-explanations");
const REL = 1e-12;

/** A summary-only explanations object, as a JSON file with `global` gives it. */
function globalOnly(name: string, entries: Record<string, [number, number | null]>): Explanations {
  return {
    input: "x",
    name,
    sha256: "0",
    global: new Map(Object.entries(entries).map(([feature, [meanAbs, mean]]) => [feature, { meanAbs, mean }])),
  };
}

describe("compareExplanations", () => {
  const summary = compareExplanations(candidate, baseline, expected.top_k);

  it("computes importance, direction and rank of every listed feature as NumPy does", () => {
    expect(summary.features.length).toBeGreaterThan(0);
    for (const row of summary.features) {
      for (const side of ["candidate", "baseline"] as const) {
        const reference = expected[side][row.feature];
        if (!reference) {
          expect(row[side]).toBeNull();
          continue;
        }
        expect(row[side]!.importance).toBeCloseTo(reference.mean_abs, 12);
        expect(Math.abs(row[side]!.importance - reference.mean_abs)).toBeLessThanOrEqual(REL * reference.mean_abs);
        expect(Math.abs(row[side]!.mean! - reference.mean)).toBeLessThanOrEqual(REL * Math.abs(reference.mean) + 1e-15);
        expect(row[side]!.rank).toBe(reference.rank);
      }
    }
  });

  it("lists the candidate's top-k, then the baseline's top-k features that left it", () => {
    const left = expected.baseline_top.filter((f) => !expected.candidate_top.includes(f));
    expect(summary.features.map((row) => row.feature)).toEqual([...expected.candidate_top, ...left]);
    expect(summary.entered).toEqual(expected.candidate_top.filter((f) => !expected.baseline_top.includes(f)));
    expect(summary.left).toEqual(left);
  });

  it("gives rank changes as candidate rank minus baseline rank, null for a feature one model lacks", () => {
    for (const row of summary.features) {
      const c = expected.candidate[row.feature];
      const b = expected.baseline[row.feature];
      expect(row.rank_change).toBe(c && b ? c.rank - b.rank : null);
    }
  });

  it("finds the sign flips NumPy finds and names the features only one model has", () => {
    expect(summary.sign_flips).toEqual(expected.sign_flips);
    expect(summary.sign_unknown).toBe(false);
    expect(summary.only_candidate).toEqual(["support_calls"]);
    expect(summary.only_baseline).toEqual(["discount"]);
  });

  it("breaks importance ties by feature name and counts a zero mean as no flip when computed by hand", () => {
    const c = globalOnly("c.json", { b: [0.5, 0.1], a: [0.5, -0.2], z: [0.9, 0], y: [0.1, 0.05] });
    const b = globalOnly("b.json", { a: [0.7, 0.3], b: [0.2, -0.1], z: [0.1, 0.1], y: [0.3, 0.2] });
    const hand = compareExplanations(c, b, 2);
    // Candidate ranks: z 1, a 2 (tie with b, name first), b 3, y 4. Baseline: a 1, y 2, b 3, z 4.
    expect(hand.features.map((r) => [r.feature, r.candidate?.rank, r.baseline?.rank, r.rank_change])).toEqual([
      ["z", 1, 4, -3],
      ["a", 2, 1, 1],
      ["y", 4, 2, 2],
    ]);
    expect(hand.entered).toEqual(["z"]);
    expect(hand.left).toEqual(["y"]);
    expect(hand.sign_flips).toEqual(["a", "b"]);
  });

  it("reports signs as unknown when a file gives importance only", () => {
    const hand = compareExplanations(
      globalOnly("c.json", { a: [0.5, null] }),
      globalOnly("b.json", { a: [0.4, -0.1] }),
      5,
    );
    expect(hand.sign_unknown).toBe(true);
    expect(hand.features[0]!.sign_flip).toBeNull();
    expect(hand.sign_flips).toEqual([]);
  });

  it("lists only the candidate's top-k when there is no baseline", () => {
    const alone = compareExplanations(candidate, undefined, 2);
    expect(alone.features.map((r) => r.feature)).toEqual(expected.candidate_top.slice(0, 2));
    expect(alone).toMatchObject({
      entered: [],
      left: [],
      only_candidate: [],
      only_baseline: [],
      sign_unknown: false,
      files: { baseline: null },
    });
  });
});
