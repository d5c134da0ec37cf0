import { describe, expect, it } from "vitest";
import type { Check } from "../../../shared/src/core/check.js";
import { SLICE_SEARCH_METHOD } from "../../../shared/src/evaluate/slice-search/slice-search-result.js";
import {
  describePValues,
  formatEvidence,
  RULE_P_MEANING,
  SLICE_P_MEANING,
} from "../../../shared/src/report/format-evidence.js";

const base: Check = {
  name: "accuracy:max-regression",
  metric: "accuracy",
  rule: "max-regression",
  verdict: "warn",
  value: 0.7,
  baseline: 0.72,
  delta: -0.02,
  delta_pct: -2.778,
  threshold: 0.01,
  message: "",
};
const rule: Check = { ...base, method: "bootstrap-bca", ci: [-0.03, -0.01], alpha: 0.025, p_value: 0.9 };
const found: Check = {
  ...base,
  method: SLICE_SEARCH_METHOD,
  statistic: 4.2,
  p_value: 1.5e-5,
  p_value_adjusted: 2e-4,
};

describe("formatEvidence of a slice found automatically", () => {
  it("shows its t and both p-values", () => {
    expect(formatEvidence(found)).toBe("t 4.2 · p 1.5e-5 · adjusted 2e-4");
  });

  it("shows both p-values of a slice whose changes are all equal, which has no t", () => {
    expect(formatEvidence({ ...found, statistic: null, p_value: 0, p_value_adjusted: 0 })).toBe(
      "t — · p 0 · adjusted 0",
    );
  });
});

describe("describePValues", () => {
  it("says what each kind of p-value present measures, and nothing of a kind that is absent", () => {
    expect(describePValues([rule])).toEqual([RULE_P_MEANING]);
    expect(describePValues([found])).toEqual([SLICE_P_MEANING]);
    expect(describePValues([rule, found])).toEqual([RULE_P_MEANING, SLICE_P_MEANING]);
    expect(describePValues([base])).toEqual([]);
  });
});
