import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";

const parse = (fairness: string) => parsePolicy(`version: 1\nfairness:\n${fairness}`, "modelgate.yml");

describe("the fairness: policy section", () => {
  it("fills the defaults of every option when only a metric rule is given", () => {
    const policy = parse("  metrics:\n    demographic_parity_ratio: { min: 0.8 }\n");
    expect(policy.fairness).toEqual({
      privileged: {},
      "min-group-size": 30,
      intersections: "report",
      resamples: 1000,
      seed: 20240601,
      confidence: 0.95,
      metrics: {
        demographic_parity_ratio: { min: 0.8, method: "between_groups", agg: "worst_case", "gate-on": "point" },
      },
    });
  });

  it("refuses a misspelt metric with its line and the metric it probably meant", () => {
    let error: unknown;
    try {
      parse("  metrics:\n    demographic_parity_rato: { min: 0.8 }\n");
    } catch (caught) {
      error = caught;
    }
    // Line 3: the metrics: line that holds the unknown key.
    expect(error).toMatchObject({ name: "PolicyFileError", file: "modelgate.yml", line: 3 });
    expect(`${(error as Error).message} ${(error as { hint: string }).hint}`).toMatch(/demographic_parity_ratio/);
  });

  it("refuses a rule without a bound, a gate-on other than point or ci, and min above max", () => {
    expect(() => parse("  metrics:\n    equalized_odds_difference: { method: to_overall }\n")).toThrow(
      /declares no rule/,
    );
    expect(() => parse("  metrics:\n    equalized_odds_difference: { max: 0.1, gate-on: upper }\n")).toThrow(/gate-on/);
    expect(() => parse("  metrics:\n    disparate_impact: { min: 1.25, max: 0.8 }\n")).toThrow(/min greater than max/);
  });
});
