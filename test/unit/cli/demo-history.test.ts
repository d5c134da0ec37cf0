import { describe, expect, it } from "vitest";
import { describeHistorySlide } from "../../../shared/src/cli/demo-history.js";
import type { ActionResult } from "../../../shared/src/report/action-result.js";

const check = (rule: string, threshold: number, delta: number | null) => ({
  name: `auc:${rule}`,
  metric: "auc",
  rule,
  verdict: "pass",
  value: 0.9,
  baseline: 0.92,
  delta,
  delta_pct: null,
  threshold,
  message: "",
});
const result = (checks: unknown[]) => ({ action: "evaluate-gate", checks }) as unknown as ActionResult;

describe("describeHistorySlide", () => {
  it("prints the figures of the result it is given, not fixed ones", () => {
    const story = describeHistorySlide(
      result([check("max-regression", 0.02, -0.01), check("max-below-median", 0.01, -0.027)]),
    );
    expect(story).toBe(
      "the next candidate: within 0.02 of production, but 0.027 AUC below the median of the versions production held",
    );
  });

  it("says the figures are missing instead of inventing them when the result lacks the checks", () => {
    expect(describeHistorySlide(result([check("max-regression", 0.01, null)]))).toMatch(/no AUC figures in its result/);
  });
});
