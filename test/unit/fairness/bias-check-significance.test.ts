import { describe, expect, it } from "vitest";
import { biasCheck } from "../../../shared/src/fairness/bias-check.js";
import type { BiasCheckInput } from "../../../shared/src/fairness/bias-check.js";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";
import { readCompas } from "./support/compas.js";

const compas = await readCompas();
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };
const policy = (yaml: string) => parsePolicy(`version: 1\nmodel: recidivism\nfairness:\n${yaml}`, "modelgate.yml");
const input = (yaml: string, baseline?: Float64Array): BiasCheckInput => ({
  policy: policy(yaml),
  policyProvenance: provenance,
  candidate: { name: "compas.csv.gz", sha256: "c".repeat(64), labels: compas.labels, predictions: compas.predictions },
  ...(baseline && {
    baseline: { name: "prod.csv.gz", sha256: "b".repeat(64), labels: compas.labels, predictions: baseline },
  }),
  sensitive: [compas.race, compas.sex],
  positiveLabel: "1",
  favorableLabel: "1",
  favorable: 1,
});

/** The candidate with `count` of one race's positive predictions turned negative: a baseline fairer by that much. */
function fairerFor(race: string, count: number): Float64Array {
  const predictions = compas.predictions.slice();
  const code = compas.race.dictionary.indexOf(race);
  let changed = 0;
  for (let i = 0; i < predictions.length && changed < count; i++) {
    if (compas.race.codes[i] === code && predictions[i] === 1) {
      predictions[i] = 0;
      changed++;
    }
  }
  return predictions;
}

/** The candidate with `count` random rows' predictions flipped: a baseline that differs by noise alone. */
function noisyCopy(count: number, seed: number): Float64Array {
  const predictions = compas.predictions.slice();
  const random = createSeededRandom(seed);
  for (let k = 0; k < count; k++) {
    const i = random.nextInt(predictions.length);
    predictions[i] = 1 - (predictions[i] as number);
  }
  return predictions;
}

const dpRule = (extra: string) =>
  `  resamples: 500\n  seed: 11\n  metrics:\n    demographic_parity_difference: { ${extra} }\n`;
const raceCheck = (result: ReturnType<typeof biasCheck>) =>
  result.checks.find((c) => c.name === "demographic_parity_difference [race]:max-regression")!;

describe("biasCheck with significance on max-regression", () => {
  it("fails a regression whose whole interval lies beyond the allowance, as a real one", () => {
    const result = biasCheck(
      input(dpRule("max-regression: 0.02, significance: 0.05"), fairerFor("African-American", 300)),
    );
    const check = raceCheck(result);
    expect(check).toMatchObject({
      verdict: "fail",
      significance_decision: "fail",
      method: "bootstrap-percentile (paired, stratified)",
      // Decided on the change's interval, not the point change.
      gate_on: "ci",
    });
    expect(check.ci![0]).toBeGreaterThan(0.02);
    expect(check.effect_size).toBeCloseTo(check.value! - check.baseline!, 12);
    expect(check.message).toMatch(/^Change in unfairness .*Ruled out at/);
  });

  it("leaves a regression within the noise inconclusive, which on-inconclusive: warn turns into a warning where the point rule fails", () => {
    const baseline = noisyCopy(120, 3);
    const plain = raceCheck(biasCheck(input(dpRule("max-regression: 0"), baseline)));
    const judged = raceCheck(
      biasCheck(input(dpRule("max-regression: 0, significance: 0.05, on-inconclusive: warn"), baseline)),
    );
    expect(plain.verdict).toBe("fail");
    expect(judged).toMatchObject({ verdict: "warn", significance_decision: "inconclusive" });
    expect(judged.ci![0]).toBeLessThan(0);
    expect(judged.ci![1]).toBeGreaterThan(0);
    expect(judged.message).toMatch(/on-inconclusive: warn\.$/);
  });

  it("fails an inconclusive regression by default (fail closed), and takes the section's on-inconclusive when the rule has none", () => {
    const baseline = noisyCopy(120, 3);
    expect(raceCheck(biasCheck(input(dpRule("max-regression: 0, significance: 0.05"), baseline))).verdict).toBe("fail");
    const section = `  on-inconclusive: warn\n${dpRule("max-regression: 0, significance: 0.05")}`;
    expect(raceCheck(biasCheck(input(section, baseline))).verdict).toBe("warn");
  });

  it("passes when the interval shows the regression within the allowance", () => {
    const check = raceCheck(biasCheck(input(dpRule("max-regression: 0.1, significance: 0.05"), noisyCopy(120, 3))));
    expect(check).toMatchObject({ verdict: "pass", significance_decision: "pass" });
    expect(check.ci![1]).toBeLessThanOrEqual(0.1);
  });

  it("adjusts the levels across the gate's significance checks with Holm by default, and keeps each check's own level with none", () => {
    const baseline = fairerFor("African-American", 300);
    const holm = biasCheck(input(dpRule("max-regression: 0.02, significance: 0.05"), baseline));
    expect(holm.significance).toEqual({
      seed: 11,
      resamples: 500,
      multiple_testing: "holm",
      family_alpha: 0.05,
      checks: 2,
      interval: "percentile",
      strata: "intersection cell of the sensitive columns",
    });
    const judged = holm.checks.filter((c) => c.rule === "max-regression");
    const [first, second] = [...judged].sort((a, b) => a.p_value! - b.p_value!);
    // Holm with two checks: the smaller p-value is held to alpha/2, its adjusted p-value is 2p; the other to alpha
    // only when the first is rejected, and otherwise to the stopping level alpha/2.
    expect(first).toMatchObject({ alpha: 0.025, p_value_adjusted: Math.min(1, 2 * first!.p_value!) });
    expect(second!.p_value_adjusted).toBeCloseTo(Math.max(first!.p_value_adjusted!, second!.p_value!), 12);
    expect(second!.alpha).toBe(first!.p_value_adjusted! <= 0.05 ? 0.05 : 0.025);
    const none = biasCheck(
      input(`  multiple-testing: none\n${dpRule("max-regression: 0.02, significance: 0.05")}`, baseline),
    );
    expect(none.checks.filter((c) => c.rule === "max-regression").map((c) => c.alpha)).toEqual([0.05, 0.05]);
  });

  it("gives the same result for the same seed and another interval for another seed", () => {
    const baseline = noisyCopy(120, 3);
    const once = biasCheck(input(dpRule("max-regression: 0, significance: 0.05"), baseline));
    expect(biasCheck(input(dpRule("max-regression: 0, significance: 0.05"), baseline))).toEqual(once);
    const other = biasCheck(
      input(dpRule("max-regression: 0, significance: 0.05").replace("seed: 11", "seed: 12"), baseline),
    );
    expect(raceCheck(other).ci).not.toEqual(raceCheck(once).ci);
  });

  it("computes the change over the gated groups only, as the point rule does, leaving groups below min-group-size out", () => {
    const small = compas.race.dictionary.filter((_, code) => compas.race.codes.filter((c) => c === code).length < 30);
    expect(small.length).toBeGreaterThan(0);
    const baseline = fairerFor("African-American", 300);
    const plain = raceCheck(biasCheck(input(dpRule("max-regression: 0.02"), baseline)));
    const judged = raceCheck(biasCheck(input(dpRule("max-regression: 0.02, significance: 0.05"), baseline)));
    expect(judged.effect_size).toBeCloseTo(plain.value! - plain.baseline!, 12);
    expect(judged.value).toBe(plain.value);
  });

  it("judges a ratio's change as a change of 1 − ratio, so a less fair candidate has a positive change", () => {
    const rule =
      "  resamples: 300\n  seed: 2\n  metrics:\n    demographic_parity_ratio: { max-regression: 0.01, significance: 0.05 }\n";
    const check = biasCheck(input(rule, fairerFor("African-American", 300))).checks.find(
      (c) => c.name === "demographic_parity_ratio [race]:max-regression",
    )!;
    expect(check.effect_size).toBeCloseTo(check.baseline! - check.value!, 12);
    expect(check.effect_size).toBeGreaterThan(0);
  });

  it("keeps the plain warning and computes no interval without baseline predictions", () => {
    const result = biasCheck(input(dpRule("max-regression: 0.02, significance: 0.05")));
    expect(raceCheck(result)).toMatchObject({ verdict: "warn" });
    expect(raceCheck(result).alpha).toBeUndefined();
    expect(result.significance).toBeUndefined();
  });

  it("refuses rules of one family at different levels, naming fairness.multiple-testing", () => {
    const yaml =
      "  resamples: 100\n  metrics:\n    demographic_parity_difference: { max-regression: 0.02, significance: 0.05 }\n    equal_opportunity_difference: { max-regression: 0.02, significance: 0.01 }\n";
    expect(() => biasCheck(input(yaml, fairerFor("African-American", 300)))).toThrow(PolicyError);
    expect(() => biasCheck(input(yaml, fairerFor("African-American", 300)))).toThrow(
      /different levels \(0\.05, 0\.01\)/,
    );
  });
});

describe("the fairness policy's significance keys", () => {
  it("refuses significance without max-regression, on-inconclusive without significance, and significance with resamples: 0", () => {
    expect(() => policy("  metrics:\n    demographic_parity_difference: { max: 0.1, significance: 0.05 }\n")).toThrow(
      /has significance but no max-regression/,
    );
    expect(() =>
      policy("  metrics:\n    demographic_parity_difference: { max-regression: 0.1, on-inconclusive: warn }\n"),
    ).toThrow(/on-inconclusive without significance/);
    expect(() =>
      policy(
        "  resamples: 0\n  metrics:\n    demographic_parity_difference: { max-regression: 0.1, significance: 0.05 }\n",
      ),
    ).toThrow(/resamples: 0/);
    expect(() =>
      policy("  metrics:\n    demographic_parity_difference: { max-regression: 0.1, significance: 0.5 }\n"),
    ).toThrow(/between 0 and 0.5/);
  });
});
