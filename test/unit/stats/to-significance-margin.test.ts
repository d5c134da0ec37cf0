import { describe, expect, it } from "vitest";
import { toSignificanceMargin } from "../../../shared/src/stats/to-significance-margin.js";

describe("toSignificanceMargin", () => {
  it.each([
    ["higher", "max-regression", 0.01, -0.01, "greater"],
    ["higher", "min-improvement", 0.01, 0.01, "greater"],
    ["lower", "max-regression", 5, 5, "less"],
    ["lower", "min-improvement", 2, -2, "less"],
    ["lower", "min-improvement", 0, 0, "less"],
  ] as const)("turns %s/%s %s into delta vs %s on side %s", (direction, kind, bound, threshold, side) => {
    expect(toSignificanceMargin({ direction, kind, bound })).toMatchObject({ ok: true, threshold, side });
  });

  it("converts a percent bound with |baseline| and says so in the claim", () => {
    // 10% of |−120| = 12: lower is better, max-regression-pct 10 needs delta ≤ 12.
    const margin = toSignificanceMargin({ direction: "lower", kind: "max-regression-pct", bound: 10, baseline: -120 });
    expect(margin).toEqual({ ok: true, threshold: 12, side: "less", claim: "a regression of at most 10% (12)" });
  });

  it("is cannot-compute when a percent bound has a zero or missing baseline, or the bound is not finite", () => {
    expect(
      toSignificanceMargin({ direction: "higher", kind: "min-improvement-pct", bound: 1, baseline: 0 }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining("give min-improvement"),
    });
    expect(toSignificanceMargin({ direction: "higher", kind: "max-regression-pct", bound: 1 }).ok).toBe(false);
    expect(toSignificanceMargin({ direction: "higher", kind: "max-regression", bound: Number.NaN }).ok).toBe(false);
  });
});
