import { describe, expect, it } from "vitest";
import type { Check } from "../../../shared/src/core/check.js";
import { SLICE_SEARCH_METHOD } from "../../../shared/src/evaluate/slice-search/slice-search-result.js";
import {
  describePValues,
  formatEvidence,
  pResolution,
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

describe("formatEvidence of a rule decided on a bootstrap interval", () => {
  it("floors p at what 9,999 resamples resolve, and the Holm-adjusted p at that times the checks", () => {
    const settings = { seed: 0, resamples: 9999, multiple_testing: "holm" as const, family_alpha: 0.05, checks: 2 };
    const tiny = { ...rule, method: "bootstrap-bca", p_value: 8.88178e-16, p_value_adjusted: 1.776e-15 };
    expect(formatEvidence(tiny, pResolution(tiny, settings))).toBe(
      "[-0.03, -0.01], 97.5% one-sided · p < 1e-4 · adjusted < 2e-4",
    );
    // DeLong's test is analytic: its p has no floor.
    const delong = { ...tiny, method: "delong" };
    expect(formatEvidence(delong, pResolution(delong, settings))).toContain("p 8.882e-16");
  });
});

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
