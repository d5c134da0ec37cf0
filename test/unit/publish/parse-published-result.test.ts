import { describe, expect, it } from "vitest";
import { parsePublishedResult } from "../../../shared/src/publish/parse-published-result.js";
import { PUBLISHABLE_ACTIONS } from "../../../shared/src/publish/published-result-schema.js";

const ORIGIN = { artifact: '"modelgate-results"', entry: "evaluate-gate-churn.json" };
const check = {
  name: "accuracy:min",
  metric: "accuracy",
  rule: "min",
  verdict: "warn",
  value: 0.9,
  baseline: null,
  delta: null,
  delta_pct: null,
  threshold: 0.8,
  message: "ok",
};
const decided = {
  schema: "modelgate.result/v1",
  action: "evaluate-gate",
  key: "churn",
  verdict: "warn",
  checks: [check],
  notes: [],
  policy: { file: "modelgate.yml", sha256: "a".repeat(64), source: "base" },
  report_markdown: "@someone",
  files: { candidate: "c.json" },
};
const parse = (value: unknown) => parsePublishedResult(JSON.stringify(value), ORIGIN);

describe("parsePublishedResult", () => {
  it("keeps the shared fields of a valid result and drops everything else, report_markdown first", () => {
    const result = parse(decided);
    expect(result).toEqual({
      schema: "modelgate.result/v1",
      action: "evaluate-gate",
      key: "churn",
      verdict: "warn",
      checks: [check],
      notes: [],
      policy: decided.policy,
    });
  });

  it("accepts an undecided result: verdict fail, no checks, an error", () => {
    const undecided = {
      schema: "modelgate.result/v1",
      action: "bias-check",
      key: "default",
      verdict: "fail",
      checks: [],
      error: { message: "m", hint: "h", file: "x.csv" },
    };
    expect(parse(undecided).error).toEqual({ message: "m", hint: "h", file: "x.csv" });
  });

  it("accepts the seven product actions and refuses any other, publish-reports included", () => {
    expect(PUBLISHABLE_ACTIONS).toHaveLength(7);
    for (const action of PUBLISHABLE_ACTIONS) expect(parse({ ...decided, action }).action).toBe(action);
    expect(() => parse({ ...decided, action: "publish-reports" })).toThrow(
      /at action: allowed: validate-data, train-reproducibly, evaluate-gate/,
    );
  });

  it.each([
    ["another schema", { ...decided, schema: "modelgate.result/v2" }, /at schema/],
    ["a key that could close the comment marker", { ...decided, key: "a -->" }, /at key/],
    [
      "a verdict better than its worst check",
      { ...decided, verdict: "pass" },
      /verdict pass is better than its worst check \(warn\)/,
    ],
    [
      "a check verdict outside the enum",
      { ...decided, checks: [{ ...check, verdict: "ok" }] },
      /at checks\.0\.verdict: allowed: pass, warn, fail/,
    ],
    ["a p-value above 1", { ...decided, checks: [{ ...check, p_value: 1.5 }] }, /at checks\.0\.p_value/],
    ["an overlong message", { ...decided, checks: [{ ...check, message: "x".repeat(2001) }] }, /at checks\.0\.message/],
    [
      "a policy digest that is not hex",
      { ...decided, policy: { ...decided.policy, sha256: "<img>" } },
      /at policy\.sha256/,
    ],
    ["a decided result without its policy", { ...decided, policy: undefined }, /must name its policy and notes/],
    [
      "an error beside checks",
      { ...decided, verdict: "fail", error: { message: "m", hint: "h" } },
      /must have verdict fail and no checks/,
    ],
    ["a document that is not an object", [decided], /at \(the document\)/],
  ])("refuses %s, naming the field", (_what, value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it("refuses text that is not JSON, naming the artifact and entry", () => {
    expect(() => parsePublishedResult("{", ORIGIN)).toThrow(
      /^Result "modelgate-results":evaluate-gate-churn\.json is not valid JSON/,
    );
  });
});
