import { describe, expect, it } from "vitest";
import type { UndecidedResult } from "../../../shared/src/core/result-base.js";
import { blocksMerge, toOutputs } from "../../../shared/src/github/to-outputs.js";

describe("blocksMerge", () => {
  it.each([
    ["fail", "fail", true],
    ["fail", "warn", false],
    ["fail", "pass", false],
    ["warn", "fail", true],
    ["warn", "warn", true],
    ["warn", "pass", false],
    ["never", "fail", false],
  ] as const)("with fail-on %s, a %s verdict blocks: %s", (failOn, verdict, blocks) => {
    expect(blocksMerge(verdict, failOn)).toBe(blocks);
  });
});

describe("toOutputs", () => {
  const undecided: UndecidedResult = {
    action: "evaluate-gate",
    key: "k",
    verdict: "fail",
    checks: [],
    error: { message: "m", hint: "h" },
  };
  const files = { resultPath: "/t/r.json", reportPath: "/t/r.md" };

  it("sets verdict, passed, result and report, and comment-url only when there is one", () => {
    expect(toOutputs(undecided, "fail", files, undefined)).toEqual({
      verdict: "fail",
      passed: "false",
      result: "/t/r.json",
      report: "/t/r.md",
    });
    expect(toOutputs(undecided, "fail", files, "https://x")["comment-url"]).toBe("https://x");
  });

  it("reports a fail verdict as not passed even with fail-on never", () => {
    expect(toOutputs(undecided, "never", files, undefined).passed).toBe("false");
  });
});
