import { describe, expect, it } from "vitest";
import type { GateResult } from "../../../shared/src/evaluate/gate-result.js";
import { toCheckRunInput } from "../../../shared/src/github/to-check-run-input.js";

function result(metric: string): GateResult {
  const check = {
    name: `${metric}:min`,
    metric,
    rule: "min" as const,
    verdict: "fail" as const,
    value: 0.7,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0.8,
    message: `${metric} is below the minimum 0.8.`,
    policy_line: 4,
  };
  return {
    action: "evaluate-gate",
    key: "churn",
    verdict: "fail",
    checks: [check],
    ungated: [],
    subject: { model: "churn" },
    policy: { file: "modelgate.yml", sha256: "", source: "file" },
    files: { candidate: "c.json", baseline: null },
    notes: [],
  };
}

describe("toCheckRunInput", () => {
  it("annotates each failed check at its policy line, with bidi controls removed from title and message", () => {
    const input = toCheckRunInput(result("acc\u202eycarucca"), "report");
    expect(input).toMatchObject({
      name: "modelgate evaluate-gate (churn)",
      conclusion: "failure",
      title: "fail: 1 of 1 checks failed",
    });
    expect(input.annotations).toEqual([
      {
        path: "modelgate.yml",
        start_line: 4,
        end_line: 4,
        annotation_level: "failure",
        title: "accycarucca:min",
        message: "accycarucca is below the minimum 0.8.",
      },
    ]);
  });
});
