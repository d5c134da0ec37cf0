import { describe, expect, it } from "vitest";
import { decideSignificance } from "../../../shared/src/stats/decide-significance.js";
import type { SignificanceRule } from "../../../shared/src/stats/to-significance-margin.js";
import { StatsInputError } from "../../../shared/src/stats/stats-input-error.js";

const limits = (low: number, high: number) => ({ low, high });

describe("decideSignificance", () => {
  // Each threshold t on delta = candidate − baseline is worked out by hand beside the rule.
  it.each([
    // higher is better, max-regression 0.01: delta ≥ −0.01, decided by the lower limit.
    ["higher", "max-regression", 0.01, -0.005, 0.02, "pass", -0.01],
    ["higher", "max-regression", 0.01, -0.03, -0.02, "fail", -0.01],
    ["higher", "max-regression", 0.01, -0.02, 0.01, "inconclusive", -0.01],
    // higher is better, min-improvement 0.01: delta ≥ 0.01.
    ["higher", "min-improvement", 0.01, 0.02, 0.05, "pass", 0.01],
    ["higher", "min-improvement", 0.01, -0.02, 0.005, "fail", 0.01],
    ["higher", "min-improvement", 0.01, 0, 0.03, "inconclusive", 0.01],
    // lower is better, max-regression 5: delta ≤ 5, decided by the upper limit.
    ["lower", "max-regression", 5, -2, 3, "pass", 5],
    ["lower", "max-regression", 5, 6, 9, "fail", 5],
    ["lower", "max-regression", 5, 2, 7, "inconclusive", 5],
    // lower is better, min-improvement 2: delta ≤ −2.
    ["lower", "min-improvement", 2, -6, -3, "pass", -2],
    ["lower", "min-improvement", 2, -1, 1, "fail", -2],
    ["lower", "min-improvement", 2, -3, 0, "inconclusive", -2],
    // Unbounded limits (the exact bound of a metric without a range) show and rule out nothing.
    ["lower", "max-regression", 0.01, -Infinity, Infinity, "inconclusive", 0.01],
    ["higher", "max-regression", 0.01, -Infinity, Infinity, "inconclusive", -0.01],
  ] as const)(
    "gives %s/%s %s on [%s, %s] → %s (threshold %s)",
    (direction, kind, bound, low, high, verdict, threshold) => {
      const decision = decideSignificance({ direction, kind, bound }, 0.05, limits(low, high));
      expect(decision).toMatchObject({ decided: true, verdict, bound: threshold, ci: [low, high] });
    },
  );

  it("reads the lower limit when higher is better and the upper limit when lower is better", () => {
    expect(
      decideSignificance({ direction: "higher", kind: "max-regression", bound: 1 }, 0.05, limits(0, 1)),
    ).toMatchObject({ decidedBy: "low" });
    expect(
      decideSignificance({ direction: "lower", kind: "max-regression", bound: 1 }, 0.05, limits(0, 1)),
    ).toMatchObject({ decidedBy: "high" });
  });

  it("passes when the deciding limit is exactly on the bound, as the inclusive plain rules do", () => {
    expect(
      decideSignificance({ direction: "higher", kind: "max-regression", bound: 0.01 }, 0.05, limits(-0.01, 0.02))
        .verdict,
    ).toBe("pass");
    expect(
      decideSignificance({ direction: "lower", kind: "max-regression", bound: 5 }, 0.05, limits(1, 5)).verdict,
    ).toBe("pass");
    // 0.89 − 0.9 = −0.010000000000000009 counts as −0.01 within the 1e-9 relative tolerance.
    expect(
      decideSignificance({ direction: "higher", kind: "max-regression", bound: 0.01 }, 0.05, limits(0.89 - 0.9, 0.02))
        .verdict,
    ).toBe("pass");
    // A tie passes min-improvement 0.
    expect(
      decideSignificance({ direction: "higher", kind: "min-improvement", bound: 0 }, 0.05, limits(0, 0.02)).verdict,
    ).toBe("pass");
  });

  it("is inconclusive, not fail, when the opposite limit touches the bound from the violating side", () => {
    expect(
      decideSignificance({ direction: "higher", kind: "max-regression", bound: 0.01 }, 0.05, limits(-0.03, -0.01))
        .verdict,
    ).toBe("inconclusive");
    expect(
      decideSignificance({ direction: "lower", kind: "min-improvement", bound: 2 }, 0.05, limits(-2, 1)).verdict,
    ).toBe("inconclusive");
  });

  it("converts a percent bound with |baseline| when the rule is a -pct rule", () => {
    // 2% of 0.5 = 0.01, so max-regression-pct 2 needs delta ≥ −0.01.
    const higher: SignificanceRule = { direction: "higher", kind: "max-regression-pct", bound: 2, baseline: 0.5 };
    expect(decideSignificance(higher, 0.05, limits(-0.009, 0.01))).toMatchObject({
      verdict: "pass",
      bound: expect.closeTo(-0.01, 12),
    });
    expect(decideSignificance(higher, 0.05, limits(-0.03, -0.011))).toMatchObject({
      verdict: "fail",
      bound: expect.closeTo(-0.01, 12),
    });
    // 10% of a 120 ms baseline = 12 ms, so lower-is-better max-regression-pct 10 needs delta ≤ 12.
    const latency: SignificanceRule = { direction: "lower", kind: "max-regression-pct", bound: 10, baseline: 120 };
    expect(decideSignificance(latency, 0.05, limits(5, 12))).toMatchObject({
      verdict: "pass",
      bound: expect.closeTo(12, 12),
    });
    expect(decideSignificance(latency, 0.05, limits(13, 20))).toMatchObject({
      verdict: "fail",
      bound: expect.closeTo(12, 12),
    });
    // 5% of |−0.4| = 0.02: min-improvement-pct 5, higher is better, needs delta ≥ 0.02.
    const negative: SignificanceRule = { direction: "higher", kind: "min-improvement-pct", bound: 5, baseline: -0.4 };
    expect(decideSignificance(negative, 0.05, limits(0.01, 0.03))).toMatchObject({
      verdict: "inconclusive",
      bound: expect.closeTo(0.02, 12),
    });
    // 25% of 8 = 2: lower-is-better min-improvement-pct 25 needs delta ≤ −2.
    const loss: SignificanceRule = { direction: "lower", kind: "min-improvement-pct", bound: 25, baseline: 8 };
    expect(decideSignificance(loss, 0.05, limits(-5, -2))).toMatchObject({
      verdict: "pass",
      bound: expect.closeTo(-2, 12),
    });
  });

  it("fails undecided with the fix when a percent rule has a zero or missing baseline", () => {
    const zero = decideSignificance(
      { direction: "higher", kind: "max-regression-pct", bound: 2, baseline: 0 },
      0.05,
      limits(0, 1),
    );
    expect(zero).toMatchObject({
      decided: false,
      verdict: "fail",
      message: expect.stringContaining("give max-regression"),
    });
    const missing = decideSignificance(
      { direction: "higher", kind: "min-improvement-pct", bound: 2 },
      0.05,
      limits(0, 1),
    );
    expect(missing).toMatchObject({
      decided: false,
      verdict: "fail",
      message: expect.stringContaining("baseline's value"),
    });
  });

  it("fails undecided when a limit is NaN or the limits are out of order", () => {
    const rule: SignificanceRule = { direction: "higher", kind: "max-regression", bound: 0.01 };
    expect(decideSignificance(rule, 0.05, limits(Number.NaN, 1))).toMatchObject({
      decided: false,
      verdict: "fail",
      message: "The confidence limits [NaN, +1] of the change are not an interval, so the gate cannot decide.",
    });
    // Signed as the interval is in every other significance message.
    expect(decideSignificance(rule, 0.05, limits(0.5, -0.1))).toMatchObject({
      decided: false,
      verdict: "fail",
      message: "The confidence limits [+0.5, -0.1] of the change are not an interval, so the gate cannot decide.",
    });
  });

  it("names the confidence, the deciding limit and the rule in its message", () => {
    const decision = decideSignificance(
      { direction: "higher", kind: "max-regression", bound: 0.01 },
      0.05,
      limits(-0.005, 0.02),
    );
    expect(decision.message).toBe(
      "Shown at 95% one-sided confidence: the change's lower limit -0.005 ≥ -0.01, so a regression of at most 0.01 holds.",
    );
  });

  it("signs the limits and the threshold as changes: a rise reads +, a fall -, zero bare", () => {
    const rule: SignificanceRule = { direction: "lower", kind: "max-regression", bound: 0.02 };
    expect(decideSignificance(rule, 0.05, limits(0.03906, 0.05543)).message).toBe(
      "Ruled out at 95% one-sided confidence: the change's interval [+0.03906, +0.05543] lies wholly above +0.02, so a regression of at most 0.02 does not hold.",
    );
    expect(decideSignificance(rule, 0.05, limits(-0.03089, 0)).message).toBe(
      "Shown at 95% one-sided confidence: the change's upper limit 0 ≤ +0.02, so a regression of at most 0.02 holds.",
    );
  });

  it("throws StatsInputError when alpha is outside (0, 1)", () => {
    const rule: SignificanceRule = { direction: "higher", kind: "max-regression", bound: 0.01 };
    expect(() => decideSignificance(rule, 0, limits(0, 1))).toThrow(StatsInputError);
    expect(() => decideSignificance(rule, 1.5, limits(0, 1))).toThrow(StatsInputError);
  });
});
