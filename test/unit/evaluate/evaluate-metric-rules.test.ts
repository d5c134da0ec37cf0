import { describe, expect, it } from "vitest";
import { evaluateMetricRules } from "../../../shared/src/evaluate/evaluate-metric-rules.js";
import type { MetricReading } from "../../../shared/src/evaluate/read-metric-value.js";
import type { MetricPolicy } from "../../../shared/src/evaluate/evaluate-policy-schema.js";

const value = (v: number): MetricReading => ({ ok: true, value: v });
const missing: MetricReading = { ok: false, problem: "is missing" };
const noFile: MetricReading = { ok: false, problem: "no file" };

function verdictOf(policy: MetricPolicy, candidate: MetricReading, baseline: MetricReading) {
  const checks = evaluateMetricRules("m", policy, candidate, baseline);
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

describe("evaluateMetricRules: absolute bounds", () => {
  it.each([
    ["higher", 0.8, 0.8, "pass"],
    ["higher", 0.8, 0.7999, "fail"],
    ["lower", 0.8, 0.8, "pass"],
  ] as const)("applies min inclusively (direction %s, min %s, value %s → %s)", (direction, min, v, expected) => {
    expect(verdictOf({ direction, min }, value(v), noFile).verdict).toBe(expected);
  });

  it("applies max inclusively and fails above it", () => {
    expect(verdictOf({ direction: "lower", max: 150 }, value(150), noFile).verdict).toBe("pass");
    expect(verdictOf({ direction: "lower", max: 150 }, value(150.0001), noFile).verdict).toBe("fail");
  });

  it("decides absolute rules without a baseline", () => {
    expect(verdictOf({ direction: "higher", min: 0.5 }, value(0.6), missing).verdict).toBe("pass");
  });

  it("treats a value within 1e-9 relative of the bound as on the bound", () => {
    expect(verdictOf({ direction: "higher", min: 0.3 }, value(0.1 + 0.2 - 0.0000000000000001), noFile).verdict).toBe(
      "pass",
    );
    expect(verdictOf({ direction: "higher", min: 0.3 }, value(0.3 * (1 - 1e-8)), noFile).verdict).toBe("fail");
  });
});

describe("evaluateMetricRules: regression against the baseline", () => {
  it("counts 0.90 − 0.89 as exactly the allowed 0.01", () => {
    const check = verdictOf({ direction: "higher", "max-regression": 0.01 }, value(0.89), value(0.9));
    expect(check.verdict).toBe("pass");
    expect(check.delta).toBeCloseTo(-0.01, 12);
  });

  it("fails a higher-is-better metric that drops more than allowed", () => {
    expect(verdictOf({ direction: "higher", "max-regression": 0.01 }, value(0.888), value(0.9)).verdict).toBe("fail");
  });

  it("reads a rise as the regression for a lower-is-better metric", () => {
    expect(verdictOf({ direction: "lower", "max-regression": 5 }, value(125), value(120)).verdict).toBe("pass");
    expect(verdictOf({ direction: "lower", "max-regression": 5 }, value(125.5), value(120)).verdict).toBe("fail");
    // A drop in latency is an improvement, whatever its size.
    expect(verdictOf({ direction: "lower", "max-regression": 0 }, value(60), value(120)).verdict).toBe("pass");
  });

  it("measures percent regressions against |baseline| for negative baselines", () => {
    // higher is better, baseline -2, candidate -2.1: regression 0.1 = 5% of |−2|.
    expect(verdictOf({ direction: "higher", "max-regression-pct": 5 }, value(-2.1), value(-2)).verdict).toBe("pass");
    expect(verdictOf({ direction: "higher", "max-regression-pct": 4.9 }, value(-2.1), value(-2)).verdict).toBe("fail");
  });

  it("gives the percent change in delta_pct and the raw change in delta", () => {
    const check = verdictOf({ direction: "lower", "max-regression-pct": 10 }, value(134), value(118));
    expect(check.delta).toBeCloseTo(16, 12);
    expect(check.delta_pct).toBeCloseTo((16 / 118) * 100, 12);
    expect(check.verdict).toBe("fail");
  });

  it("requires the improvement min-improvement asks for, a tie passing at 0", () => {
    expect(verdictOf({ direction: "higher", "min-improvement": 0 }, value(0.9), value(0.9)).verdict).toBe("pass");
    expect(verdictOf({ direction: "higher", "min-improvement": 0 }, value(0.8999), value(0.9)).verdict).toBe("fail");
    expect(verdictOf({ direction: "lower", "min-improvement": 2 }, value(98), value(100)).verdict).toBe("pass");
    expect(verdictOf({ direction: "lower", "min-improvement": 2 }, value(98.5), value(100)).verdict).toBe("fail");
  });

  it("requires min-improvement-pct relative to |baseline|", () => {
    expect(verdictOf({ direction: "higher", "min-improvement-pct": 1 }, value(0.909), value(0.9)).verdict).toBe("pass");
    expect(verdictOf({ direction: "higher", "min-improvement-pct": 1 }, value(0.9089), value(0.9)).verdict).toBe(
      "fail",
    );
  });

  it("warns, not fails, past a warn-regression bound", () => {
    expect(verdictOf({ direction: "higher", "warn-regression": 0.005 }, value(0.89), value(0.9)).verdict).toBe("warn");
    expect(verdictOf({ direction: "higher", "warn-regression-pct": 1 }, value(0.89), value(0.9)).verdict).toBe("warn");
    expect(verdictOf({ direction: "higher", "warn-regression-pct": 2 }, value(0.89), value(0.9)).verdict).toBe("pass");
  });
});

describe("evaluateMetricRules: zero baselines", () => {
  it("passes a percent rule when baseline and candidate are both zero", () => {
    expect(verdictOf({ direction: "lower", "max-regression-pct": 5 }, value(0), value(0)).verdict).toBe("pass");
  });

  it("fails a percent rule on a zero baseline when no metric-unit rule of its kind is given", () => {
    const check = verdictOf({ direction: "lower", "max-regression-pct": 5 }, value(0.01), value(0));
    expect(check.verdict).toBe("fail");
    expect(check.message).toMatch(/zero baseline.*add max-regression/);
    expect(check.delta_pct).toBeNull();
  });

  it("lets the metric-unit rule of the same kind decide a percent rule on a zero baseline", () => {
    const policy: MetricPolicy = { direction: "lower", "max-regression": 0.02, "max-regression-pct": 5 };
    const pass = evaluateMetricRules("m", policy, value(0.01), value(0));
    expect(pass.map((c) => [c.rule, c.verdict])).toEqual([
      ["max-regression", "pass"],
      ["max-regression-pct", "pass"],
    ]);
    const fail = evaluateMetricRules("m", policy, value(0.03), value(0));
    expect(fail.map((c) => c.verdict)).toEqual(["fail", "fail"]);
    expect(fail[1]!.message).toMatch(/decided by max-regression/);
  });
});

describe("evaluateMetricRules: missing and unusable values", () => {
  const policy: MetricPolicy = { direction: "higher", min: 0.5, "max-regression": 0.01 };

  it("fails every rule when the candidate lacks the metric", () => {
    const checks = evaluateMetricRules("m", policy, missing, value(0.9));
    expect(checks.map((c) => c.verdict)).toEqual(["fail", "fail"]);
    expect(checks[0]!.message).toMatch(/cannot decide/);
  });

  it("fails every rule when the candidate's value is not finite", () => {
    const checks = evaluateMetricRules("m", policy, { ok: false, problem: "is not finite (NaN)" }, value(0.9));
    expect(checks.map((c) => c.verdict)).toEqual(["fail", "fail"]);
    expect(checks[1]!.message).toContain("NaN");
  });

  it("warns on baseline rules and still decides absolute ones without a baseline", () => {
    const checks = evaluateMetricRules("m", policy, value(0.4), noFile);
    expect(checks.map((c) => [c.rule, c.verdict])).toEqual([
      ["min", "fail"],
      ["max-regression", "warn"],
    ]);
    expect(checks[1]!.message).toMatch(/No baseline file/);
  });

  it("warns when only the baseline lacks the metric", () => {
    const checks = evaluateMetricRules("m", { direction: "higher", "max-regression": 0.01 }, value(0.9), missing);
    expect(checks[0]!.verdict).toBe("warn");
    expect(checks[0]!.delta).toBeNull();
  });

  it("makes one check per rule, named metric:rule, in rule order", () => {
    const checks = evaluateMetricRules(
      "acc",
      { direction: "higher", "warn-regression": 0.001, min: 0.1, max: 1 },
      value(0.5),
      value(0.5),
    );
    expect(checks.map((c) => c.name)).toEqual(["acc:min", "acc:max", "acc:warn-regression"]);
    expect(checks.map((c) => c.threshold)).toEqual([0.1, 1, 0.001]);
  });
});
