import { describe, expect, it } from "vitest";
import { compareAttributionSigns } from "../../../shared/src/explain/compare-attribution-signs.js";
import { compareExplanations } from "../../../shared/src/explain/compare-explanations.js";
import { computeGlobalAttributions } from "../../../shared/src/explain/compute-global-attributions.js";
import type { Explanations } from "../../../shared/src/explain/explanations.js";

/** A seeded stream in [0, 1): the same examples on every run (Park–Miller). */
function stream(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/**
 * Linear SHAP of a model on standardised features: attribution = coef × (x − mean x), centred by construction, so
 * each feature's mean attribution is about zero whatever its coefficient. `noise` perturbs each attribution a little,
 * as a retrain on the same data would.
 */
function linearShap(
  name: string,
  coefs: Record<string, number>,
  x: Record<string, Float64Array>,
  noise: number,
  seed: number,
): Explanations {
  const next = stream(seed);
  const features = Object.keys(coefs);
  const rows = x[features[0]!]!.length;
  const values = features.map((f) => {
    const column = x[f]!;
    const mean = column.reduce((a, v) => a + v, 0) / rows;
    return Float64Array.from(column, (v) => coefs[f]! * (v - mean) + noise * (next() - 0.5));
  });
  const local = { features, ids: Array.from({ length: rows }, (_, i) => `e${i}`), rows, values };
  return { input: name, name: `${name}.csv`, sha256: name, global: computeGlobalAttributions(local), local };
}

const next = stream(7);
const x = Object.fromEntries(
  ["tenure", "income", "age", "calls", "discount", "plan"].map((f) => [
    f,
    Float64Array.from({ length: 400 }, () => next() * 2 - 1),
  ]),
);
const coefs = { tenure: 0.8, income: -0.5, age: 0.3, calls: 0.02, discount: -0.01, plan: 0.005 };

describe("compareAttributionSigns", () => {
  it("finds no sign change in an equivalent retrain, although centred means flip sign on several features", () => {
    const baseline = linearShap("baseline", coefs, x, 0.004, 1);
    const candidate = linearShap(
      "candidate",
      Object.fromEntries(Object.entries(coefs).map(([f, c]) => [f, c * 1.03])),
      x,
      0.004,
      2,
    );
    const meanSignsDiffer = Object.keys(coefs).filter(
      (f) => Math.sign(candidate.global.get(f)!.mean!) !== Math.sign(baseline.global.get(f)!.mean!),
    );
    // The old definition (sign of the mean) would call these noise flips.
    expect(meanSignsDiffer.length).toBeGreaterThan(0);
    for (const feature of Object.keys(coefs)) {
      const signs = compareAttributionSigns(feature, candidate, baseline);
      expect(signs.changed, feature).toBe(false);
      expect(signs.share!, feature).toBeLessThan(0.1);
    }
    expect(compareExplanations(candidate, baseline, 6).sign_flips).toEqual([]);
  });

  it("finds a planted reversal, and only it", () => {
    const baseline = linearShap("baseline", coefs, x, 0.004, 1);
    const candidate = linearShap("candidate", { ...coefs, income: 0.5 }, x, 0.004, 2);
    const income = compareAttributionSigns("income", candidate, baseline);
    expect(income.changed).toBe(true);
    expect(income.share).toBeGreaterThan(0.95);
    expect(compareExplanations(candidate, baseline, 6).sign_flips).toEqual(["income"]);
  });

  it("reads a direction from summaries only beyond the noise floor, and none from a bare importance", () => {
    const summary = (mean: number | null, meanAbs = 1): Explanations => ({
      input: "x",
      name: "x.json",
      sha256: "x",
      global: new Map([["f", { meanAbs, mean }]]),
    });
    expect(compareAttributionSigns("f", summary(-0.5), summary(0.5)).changed).toBe(true);
    // |mean| below 10% of mean |attribution|: centred, no direction to change.
    expect(compareAttributionSigns("f", summary(-0.05), summary(0.05)).changed).toBe(false);
    expect(compareAttributionSigns("f", summary(null), summary(0.5)).changed).toBeNull();
  });
});
