import { describe, expect, it } from "vitest";
import { assessFairness } from "../../../shared/src/fairness/assess-fairness.js";
import { biasCheck, type BiasCheckInput } from "../../../shared/src/fairness/bias-check.js";
import type { SensitiveColumn } from "../../../shared/src/fairness/group-cells.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { edgeCases } from "../stats/support/fixtures.js";

// Groups of 100, 20 and 10 rows at min-group-size 30 (make_edge_case_reference_values.py, pandas with fairlearn's
// and AIF360's formulas): fairlearn's demographic parity difference over all groups is 0.16 and AIF360's disparate
// impact with the 20-row group privileged is 0.709; with one group of the minimum size neither is a gap to gate.
const fixture = edgeCases.fairness_small_groups;
const labels = Float64Array.from(fixture.labels as number[]);
const predictions = Float64Array.from(fixture.predictions as number[]);
const dictionary = ["A", "B", "C"];
const group: SensitiveColumn = {
  name: "group",
  codes: Int32Array.from(fixture.groups as string[], (g) => dictionary.indexOf(g)),
  dictionary,
};
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };
/** The policy's fairness section after `resamples: 0`, then the rules under `metrics:`. */
const input = (settings: string, rules: string, baseline?: Float64Array): BiasCheckInput => ({
  policy: parsePolicy(`version: 1\nfairness:\n  resamples: 0\n${settings}  metrics:\n${rules}`, "modelgate.yml"),
  policyProvenance: provenance,
  candidate: { name: "c.csv", sha256: "c".repeat(64), labels, predictions },
  ...(baseline && { baseline: { name: "b.csv", sha256: "b".repeat(64), labels, predictions: baseline } }),
  sensitive: [group],
  positiveLabel: "1",
  favorableLabel: "1",
  favorable: 1,
});

describe("fairness with fewer than two groups of the minimum size", () => {
  it("measures every group's rate as pandas does but leaves the gap undefined, with min-group-size in the reason", () => {
    const assessment = assessFairness(labels, predictions, [group], {
      favorable: 1,
      minGroupSize: 30,
      privileged: { group: "B" },
      specs: [
        { metric: "demographic_parity_difference", method: "between_groups", agg: "worst_case" },
        { metric: "disparate_impact", method: "between_groups", agg: "worst_case" },
      ],
    });
    const grouping = assessment.groupings[0]!;
    for (const g of grouping.groups) {
      expect(g.count).toBe(fixture.counts[g.name]);
      expect(g.rates.selection_rate).toBeCloseTo(fixture.selection_rate[g.name], 15);
    }
    expect(grouping.groups.map((g) => g.gated)).toEqual([true, false, false]);
    expect(fixture.demographic_parity_difference_all_groups).toBeCloseTo(0.16, 12);
    expect(grouping.metrics[0]).toMatchObject({
      value: null,
      reason:
        "a gap needs two groups of at least min-group-size 30 rows, and only 1 group has that many (rows: A 100, B 20, C 10)",
    });
    expect(fixture.disparate_impact).toBeCloseTo(0.7090909, 6);
    expect(grouping.metrics[1]).toMatchObject({
      value: null,
      reason: 'the privileged group "B" has 20 rows, fewer than min-group-size 30',
    });
  });

  it("fails each rule as 'cannot decide' with the reason, bounds and regression rules alike", () => {
    const rules =
      "    demographic_parity_difference: { max: 0.2, max-regression: 0.05 }\n    disparate_impact: { min: 0.8 }\n";
    const result = biasCheck(input("  privileged: { group: B }\n", rules, predictions));
    expect(result.checks.map((c) => [c.name, c.verdict])).toEqual([
      ["demographic_parity_difference [group]:max", "fail"],
      ["demographic_parity_difference [group]:max-regression", "fail"],
      ["disparate_impact [group]:min", "fail"],
    ]);
    expect(result.checks[0]!.message).toBe(
      "Cannot decide: a gap needs two groups of at least min-group-size 30 rows, and only 1 group has that many (rows: A 100, B 20, C 10).",
    );
    expect(result.checks[2]!.message).toBe(
      'Cannot decide: the privileged group "B" has 20 rows, fewer than min-group-size 30.',
    );
    expect(result.verdict).toBe("fail");
  });

  it("decides once the minimum admits two groups: fairlearn's gap over A and B", () => {
    const result = biasCheck(input("  min-group-size: 20\n", "    demographic_parity_difference: { max: 0.2 }\n"));
    const gap = result.checks[0]!;
    // A 0.34, B 0.5 (C, 10 rows, still below 20).
    expect(gap.value).toBeCloseTo(fixture.selection_rate.B - fixture.selection_rate.A, 15);
    expect(gap.verdict).toBe("pass");
  });

  it("cannot decide a regression rule when only the baseline's value is undefined", () => {
    // The baseline never gives the privileged group B the favourable outcome: its disparate impact divides by 0.
    const baseline = predictions.map((p, i) => (fixture.groups[i] === "B" ? 0 : p));
    const result = biasCheck(
      input(
        "  min-group-size: 10\n  privileged: { group: B }\n",
        "    disparate_impact: { max-regression: 0.1 }\n",
        baseline,
      ),
    );
    expect(result.checks[0]).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(
        /^Cannot decide: the baseline's value is undefined \(the privileged group never receives the favourable outcome/,
      ),
    });
  });
});
