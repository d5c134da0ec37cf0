import { describe, expect, it } from "vitest";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";

const parse = (shadow: string) => parsePolicy(`version: 1\nmodel: churn\nshadow:\n${shadow}`, "modelgate.yml");
const refusal = (shadow: string): PolicyError => {
  try {
    parse(shadow);
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error("expected a PolicyError");
};

describe("the shadow: policy section", () => {
  it("reads rules with their defaults (min-requests 100, bootstrap judge, on-inconclusive fail)", () => {
    const shadow = parse("  min-coverage: 0.95\n  scorecard: { weights: { max-flip-rate: 40 } }\n").shadow!;
    expect(shadow).toMatchObject({
      "min-coverage": 0.95,
      "min-requests": 100,
      "latency-judge": "bootstrap",
      "on-inconclusive": "fail",
    });
    expect(shadow.scorecard).toMatchObject({
      pass: 95,
      marginal: 75,
      "max-nodata-share": 0.5,
      weights: { "max-flip-rate": 40 },
    });
  });

  it("refuses a section without any rule", () => {
    expect(refusal("  min-requests: 10\n").message).toMatch(/declares no rule/);
  });

  it("refuses percentile latency rules beside latency-judge kayenta", () => {
    expect(refusal("  latency-judge: kayenta\n  max-latency-p95-regression-pct: 10\n").message).toMatch(
      /latency-judge: kayenta/,
    );
  });

  it("refuses a coverage above 1, an unknown key and weights over 100, naming the key", () => {
    expect(refusal("  min-coverage: 95\n").message).toMatch(/min-coverage/);
    expect(refusal("  min-coverage: 0.9\n  max-flips: 0.1\n").message).toMatch(/max-flips/);
    expect(
      refusal("  min-coverage: 0.9\n  scorecard: { weights: { min-coverage: 80, max-flip-rate: 30 } }\n").message,
    ).toMatch(/more than 100/);
  });
});
