import { describe, expect, it } from "vitest";
import type { Check } from "../../../shared/src/core/check.js";
import { suggestBiasStep, suggestEvaluateStep } from "../../../shared/src/report/suggest-next-step.js";

const check = (fields: Partial<Check>): Check => ({
  name: "demographic_parity_ratio:min",
  metric: "demographic_parity_ratio",
  rule: "min",
  verdict: "fail",
  value: 0.7,
  baseline: null,
  delta: null,
  delta_pct: null,
  threshold: 0.8,
  message: "0.7 is below 0.8.",
  ...fields,
});

describe("suggestBiasStep", () => {
  it("points to the groups tables below when the report has them", () => {
    expect(suggestBiasStep(check({}))).toMatch(/^Look at the worst groups below: /);
    expect(suggestBiasStep(check({ verdict: "warn" }))).toBe(
      "Review the worst groups below; a warning does not block.",
    );
  });

  it("points to bias-check's own report when the report has no groups tables", () => {
    const failed = suggestBiasStep(check({}), undefined, false);
    const warned = suggestBiasStep(check({ verdict: "warn" }), undefined, false);
    for (const step of [failed, warned]) {
      expect(step).not.toMatch(/below/);
      expect(step).toMatch(/the worst groups in bias-check's own report \(its job summary\)/);
    }
  });
});

describe("suggestEvaluateStep", () => {
  const slid = check({ metric: "auc", rule: "max-below-median", value: 0.81, baseline: 0.84 });

  it("points to the history table when the report has one", () => {
    expect(suggestEvaluateStep(slid, "modelgate.yml")).toMatch(/^Compare with the versions in the history table: auc /);
  });

  it("points to evaluate-gate's own report when the report has no history table", () => {
    expect(suggestEvaluateStep(slid, "modelgate.yml", undefined, false)).toMatch(
      /^Compare with the versions in the history table of evaluate-gate's own report \(its job summary\): auc /,
    );
  });
});
