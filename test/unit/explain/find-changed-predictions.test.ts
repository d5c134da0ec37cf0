import { describe, expect, it } from "vitest";
import { readExplanations } from "../../../shared/src/explain/read-explanations.js";
import { findChangedPredictions } from "../../../shared/src/explain/find-changed-predictions.js";
import { expected, fixtureAccess, readScores } from "./support/load-fixtures.js";

const candidate = await readExplanations("candidate-attributions.csv", fixtureAccess, "candidate-explanations");
const baseline = await readExplanations("baseline-attributions.csv", fixtureAccess, "baseline-explanations");
const c = readScores("candidate-predictions.csv");
const b = readScores("baseline-predictions.csv");
const paired = { output: "score" as const, ids: c.ids, candidate: c.scores, baseline: b.scores };

describe("findChangedPredictions", () => {
  it("counts changed scores and lists the largest changes with each model's top reasons as NumPy does", () => {
    const found = findChangedPredictions(
      paired,
      { candidate: candidate.local, baseline: baseline.local },
      { examples: 5, reasons: 3 },
    );
    expect(found).toMatchObject({
      output: "score",
      compared: 40,
      changed: expected.changed,
      max_abs_delta: expected.max_abs_delta,
    });
    expect(found.examples).toEqual(expected.largest);
  });

  it("gives counts only, no example, when asked for none (show-examples off)", () => {
    const found = findChangedPredictions(paired, { candidate: candidate.local }, { examples: 0, reasons: 3 });
    expect(found.examples).toBeUndefined();
    expect(found.changed).toBe(expected.changed);
  });

  it("breaks ties on |delta| by id and gives null reasons for an id the explanations lack", () => {
    const ids = ["b", "a", "c", "d"];
    const local = { features: ["f", "g"], ids: ["a"], rows: 1, values: [Float64Array.of(-0.5), Float64Array.of(0.5)] };
    const found = findChangedPredictions(
      { output: "prediction", ids, candidate: Float64Array.of(1, 1, 0, 1), baseline: Float64Array.of(0, 0, 0, 1) },
      { candidate: local },
      { examples: 5, reasons: 1 },
    );
    expect(found).toMatchObject({ compared: 4, changed: 2, max_abs_delta: 1 });
    // |attribution| ties between f and g are broken by name: f first.
    expect(found.examples).toEqual([
      {
        id: "a",
        baseline: 0,
        candidate: 1,
        delta: 1,
        candidate_reasons: [{ feature: "f", attribution: -0.5 }],
        baseline_reasons: null,
      },
      { id: "b", baseline: 0, candidate: 1, delta: 1, candidate_reasons: null, baseline_reasons: null },
    ]);
  });
});
