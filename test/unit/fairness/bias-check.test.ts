import { describe, expect, it } from "vitest";
import { biasCheck } from "../../../shared/src/fairness/bias-check.js";
import type { BiasCheckInput } from "../../../shared/src/fairness/bias-check.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { renderBiasMarkdown } from "../../../shared/src/report/render-bias-markdown.js";
import { readCompas, reference } from "./support/compas.js";

const compas = await readCompas();
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };
const fairness = (yaml: string) => parsePolicy(`version: 1\nmodel: recidivism\nfairness:\n${yaml}`, "modelgate.yml");
/** A baseline that is the candidate with its first 300 African-American non-recidivists predicted low risk. */
function fairerBaseline(): Float64Array {
  const predictions = compas.predictions.slice();
  const aa = compas.race.dictionary.indexOf("African-American");
  let changed = 0;
  for (let i = 0; i < predictions.length && changed < 300; i++) {
    if (compas.race.codes[i] === aa && compas.labels[i] === 0 && predictions[i] === 1) {
      predictions[i] = 0;
      changed++;
    }
  }
  return predictions;
}
const input = (yaml: string, baseline?: Float64Array): BiasCheckInput => ({
  policy: fairness(yaml),
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

describe("biasCheck", () => {
  it("bounds each single-column grouping's value, leaving the intersection ungated by default", () => {
    const result = biasCheck(input("  resamples: 0\n  metrics:\n    equalized_odds_difference: { max: 0.2 }\n"));
    expect(result.checks.map((c) => [c.name, c.verdict])).toEqual([
      ["equalized_odds_difference [race]:max", "fail"],
      ["equalized_odds_difference [sex]:max", "pass"],
    ]);
    expect(result.checks[0]!.value).toBeCloseTo(
      reference.race.gated.between_groups.equalized_odds_difference.worst_case,
      12,
    );
    expect(result.verdict).toBe("fail");
  });

  it("gates the intersection too with intersections: gate, using the rule's method and agg", () => {
    const result = biasCheck(
      input(
        "  resamples: 0\n  intersections: gate\n  metrics:\n    equalized_odds_ratio: { min: 0.1, method: to_overall, agg: mean }\n",
      ),
    );
    const intersection = result.checks.find((c) => c.grouping === "race × sex")!;
    expect(intersection.name).toBe("equalized_odds_ratio (to_overall, mean) [race × sex]:min");
    expect(intersection.value).toBeCloseTo(reference.race_sex.gated.to_overall.equalized_odds_ratio.mean, 12);
  });

  it("gates on the interval's unfair-side limit with gate-on: ci, where the point value alone would pass", () => {
    const point = reference.sex.gated.between_groups.demographic_parity_difference; // 0.0617
    const rule = (gateOn: string) =>
      `  resamples: 400\n  seed: 5\n  metrics:\n    demographic_parity_difference: { max: ${point + 0.005}, gate-on: ${gateOn} }\n`;
    const onPoint = biasCheck(input(rule("point"))).checks.find((c) => c.grouping === "sex")!;
    const onCi = biasCheck(input(rule("ci"))).checks.find((c) => c.grouping === "sex")!;
    expect(onPoint.verdict).toBe("pass");
    expect(onCi).toMatchObject({ verdict: "fail", gate_on: "ci", method: "bootstrap-percentile (stratified)" });
    expect(onCi.ci![1]).toBeGreaterThan(point + 0.005);
  });

  it("fails max-regression when the candidate is less fair than the baseline by more than allowed, and warns without a baseline", () => {
    const yaml = "  resamples: 0\n  metrics:\n    demographic_parity_ratio: { max-regression: 0.02 }\n";
    const baseline = fairerBaseline();
    const withBaseline = biasCheck(input(yaml, baseline)).checks.find((c) => c.grouping === "race")!;
    expect(withBaseline.verdict).toBe("fail");
    expect(withBaseline.baseline!).toBeGreaterThan(withBaseline.value! + 0.02);
    expect(withBaseline.message).toMatch(/less fair than the baseline by/);
    const reversed = biasCheck({
      ...input(yaml, baseline),
      candidate: { ...input(yaml).candidate, predictions: baseline },
      baseline: { ...input(yaml).candidate, name: "prod" },
    });
    expect(reversed.checks.find((c) => c.grouping === "race")!.verdict).toBe("pass");
    const without = biasCheck(input(yaml));
    expect(without.checks.every((c) => c.verdict === "warn")).toBe(true);
    expect(without.verdict).toBe("warn");
  });

  it("fails a check it cannot decide because a group's TPR is undefined, naming the group", () => {
    const labels = Float64Array.from({ length: 80 }, (_, i) => (i < 40 ? i % 2 : 0));
    const predictions = Float64Array.from({ length: 80 }, (_, i) => (i >> 1) % 2);
    const codes = Int32Array.from({ length: 80 }, (_, i) => (i < 40 ? 0 : 1));
    const result = biasCheck({
      ...input("  resamples: 0\n  metrics:\n    equal_opportunity_ratio: { min: 0.8 }\n"),
      candidate: { name: "p.csv", sha256: "p", labels, predictions },
      sensitive: [{ name: "g", codes, dictionary: ["a", "b"] }],
    });
    expect(result.checks[0]).toMatchObject({ verdict: "fail", value: null });
    expect(result.checks[0]!.message).toBe(
      'Cannot decide: tpr of group "b" is undefined (no row with the positive label).',
    );
  });

  it("renders the same report as the golden file for COMPAS with a fairer baseline", async () => {
    const yaml =
      "  resamples: 200\n  privileged: { race: Caucasian }\n  metrics:\n    demographic_parity_ratio: { min: 0.8 }\n    disparate_impact: { min: 0.8, max: 1.25 }\n    equalized_odds_difference: { max: 0.2, max-regression: 0.01 }\n";
    const markdown = renderBiasMarkdown(biasCheck(input(yaml, fairerBaseline())));
    await expect(markdown).toMatchFileSnapshot("golden/bias-compas.md");
  });

  it("refuses a disparate_impact rule when no sensitive column has a privileged group, instead of gating nothing", () => {
    expect(() =>
      biasCheck(
        input("  resamples: 0\n  privileged: { regoin: Caucasian }\n  metrics:\n    disparate_impact: { min: 0.8 }\n"),
      ),
    ).toThrow(
      'modelgate.yml: fairness.metrics.disparate_impact needs a privileged group, but fairness.privileged names none of the sensitive columns (race, sex); it names "regoin".',
    );
    expect(() => biasCheck(input("  resamples: 0\n  metrics:\n    disparate_impact: { min: 0.8 }\n"))).toThrow(
      /names none of the sensitive columns \(race, sex\)\.$/,
    );
  });

  it("refuses a privileged group no row has, listing the column's groups", () => {
    expect(() =>
      biasCheck(
        input("  resamples: 0\n  privileged: { race: constructor }\n  metrics:\n    disparate_impact: { min: 0.8 }\n"),
      ),
    ).toThrow(
      /^modelgate\.yml: fairness\.privileged\.race is "constructor", which no row of the sensitive column "race" has \(its groups: "/,
    );
  });

  it("notes a warn-regression that can never fire because it is not below max-regression", () => {
    const result = biasCheck(
      input(
        "  resamples: 0\n  metrics:\n    equalized_odds_difference: { max: 0.9, max-regression: 0.02, warn-regression: 0.05 }\n",
      ),
    );
    expect(result.notes).toContain(
      "Policy warning: fairness.metrics.equalized_odds_difference has warn-regression 0.05, above its max-regression 0.02, so it can never warn: a regression past 0.02 already fails. Set warn-regression below 0.02, or remove it.",
    );
  });
});
