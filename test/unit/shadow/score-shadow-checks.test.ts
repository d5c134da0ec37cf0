import { describe, expect, it } from "vitest";
import { scoreShadowChecks } from "../../../shared/src/shadow/score-shadow-checks.js";
import type { ShadowCheck } from "../../../shared/src/shadow/shadow-result.js";
import { shadowPolicySchemas } from "../../../shared/src/shadow/shadow-policy-schema.js";

const check = (rule: ShadowCheck["rule"], verdict: ShadowCheck["verdict"], nodata = false): ShadowCheck => ({
  name: `${rule}:${rule}`,
  metric: rule,
  rule,
  verdict,
  value: nodata ? null : 1,
  baseline: null,
  delta: null,
  delta_pct: null,
  threshold: 1,
  message: "",
  ...(nodata && { nodata: true as const }),
});
const card = (raw: unknown) => shadowPolicySchemas().ShadowScorecardSchema.parse(raw);

// Expected scores follow Kayenta's WeightedSumScorer: each rule is a group scoring 100·pass/(total), groups without
// a weight share 100 − Σweights equally, a group with no data counts 100, critical non-pass or ≥ 50% NODATA → 0.
describe("scoreShadowChecks", () => {
  it("weighs explicit weights and shares the rest: 50·1 + 25·1 + 25·0 = 75 (marginal)", () => {
    const checks = [check("min-coverage", "pass"), check("max-flip-rate", "pass"), check("max-score-psi", "fail")];
    const {
      scorecard,
      check: verdict,
      checks: counted,
    } = scoreShadowChecks(checks, card({ weights: { "min-coverage": 50 } }));
    expect(scorecard.score).toBe(75);
    expect(verdict.verdict).toBe("warn");
    expect(counted.find((c) => c.rule === "max-score-psi")?.verdict).toBe("warn");
  });

  it("rounds to two decimals as Kayenta: two of three equal groups pass → 66.67", () => {
    const checks = [check("min-coverage", "pass"), check("max-flip-rate", "pass"), check("max-score-psi", "fail")];
    expect(scoreShadowChecks(checks, card({})).scorecard.score).toBe(66.67);
  });

  it("counts a group without data as 100 while under the NODATA share", () => {
    const checks = [
      check("min-coverage", "pass"),
      check("max-flip-rate", "pass"),
      check("max-score-psi", "fail", true),
    ];
    const { scorecard, check: verdict } = scoreShadowChecks(checks, card({}));
    expect(scorecard.score).toBe(100);
    expect(verdict.verdict).toBe("pass");
  });

  it("scores 0 when half the rules have no data (too little data is a failure)", () => {
    const checks = [check("min-coverage", "pass"), check("max-score-psi", "fail", true)];
    const { scorecard, check: verdict } = scoreShadowChecks(checks, card({}));
    expect(scorecard.score).toBe(0);
    expect(verdict.verdict).toBe("fail");
  });

  it("scores 0 and keeps the failure when a critical rule does not pass", () => {
    const checks = [check("min-coverage", "fail"), check("max-flip-rate", "pass"), check("max-score-psi", "pass")];
    const result = scoreShadowChecks(checks, card({ critical: ["min-coverage"] }));
    expect(result.scorecard.score).toBe(0);
    expect(result.scorecard.critical_failures).toEqual(["min-coverage:min-coverage"]);
    expect(result.checks[0]?.verdict).toBe("fail");
  });
});
