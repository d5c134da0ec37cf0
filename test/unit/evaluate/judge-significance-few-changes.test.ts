import { describe, expect, it } from "vitest";
import type { EvaluateCheck } from "../../../shared/src/evaluate/gate-result.js";
import { judgeSignificance, type SignificanceTask } from "../../../shared/src/evaluate/judge-significance.js";
import { fewChangesReference } from "../stats/support/fixtures.js";

/** An accuracy max-regression 0 rule on 1,000 examples of which the candidate gets `worse` wrong, the baseline none. */
function task(worse: number): SignificanceTask {
  const yTrue = new Float64Array(1000).fill(1);
  const candidate = new Float64Array(1000).fill(1).fill(0, 0, worse);
  const check = {
    name: "accuracy:max-regression",
    metric: "accuracy",
    rule: "max-regression",
    verdict: "fail",
    value: 1 - worse / 1000,
    baseline: 1,
    delta: -worse / 1000,
    delta_pct: null,
    threshold: 0,
    message: "",
  } as EvaluateCheck;
  return {
    check,
    rules: { direction: "higher", "max-regression": 0, significance: 0.05 },
    kind: "max-regression",
    metric: "accuracy",
    data: { yTrue, candidate, baseline: new Float64Array(1000).fill(1) },
  };
}

describe("judgeSignificance with few changed examples", () => {
  it("needs ½^k at or below the smallest level a rule may get: 5 changes suffice alone, not in a Holm family of 2", () => {
    const options = { seed: 0, resamples: 999 };
    // Alone at 0.05, five all-worse examples reach the sign test's 0.03125 and the bootstrap decides.
    const [alone] = judgeSignificance([task(5)], options, 0.05).checks;
    expect(alone).toMatchObject({ method: "bootstrap-bca" });
    // Under Holm with two rules the first is read at 0.025, which 5 changes cannot reach (6 needed): the exact bound.
    expect(fewChangesReference.sign_test.fewest_for_direction["0.025"]).toBe(6);
    const family = judgeSignificance([task(5), task(5)], options, 0.05).checks;
    for (const check of family) expect(check).toMatchObject({ method: "exact-bound", verdict: "fail" });
    expect(family[0]!.message).toMatch(/^Too few changes: only 5 of 1000 examples change.*on-inconclusive: fail\.$/);
  });
});
