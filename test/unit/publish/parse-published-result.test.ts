import { describe, expect, it } from "vitest";
import { parsePublishedResult } from "../../../shared/src/publish/parse-published-result.js";
import { PUBLISHABLE_ACTIONS } from "../../../shared/src/publish/published-result-schema.js";
import { diffPolicy } from "../../../shared/src/policy/diff-policy.js";

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
const foundSlice = {
  slice: "region=EU, plan=basic",
  predicates: ["region=EU", "plan=basic"],
  rows: 338,
  value: 0.61,
  baseline: 0.91,
  delta: -0.3,
  regression: 0.3,
  statistic: 9.1,
  p_value: 1e-18,
  p_value_adjusted: 4e-16,
  significant: true,
};
const sliceSearch = {
  loss: "error",
  metric: "accuracy",
  direction: "higher",
  margin: 0.02,
  margin_source: "evaluate.metrics.accuracy.max-regression",
  method: "t-test-holm",
  alpha: 0.05,
  family: 98,
  family_by_depth: [15, 83],
  tested: 51,
  depth: 2,
  min_size: 100,
  bins: 5,
  columns: ["region", "plan"],
  rows: 4000,
  found: 1,
  on_finding: "warn",
  slices: [foundSlice],
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

  it("cuts free text over its limit instead of refusing it, never splitting a surrogate pair", () => {
    const long = { ...check, name: `accuracy:min[region=${"x".repeat(5000)}]`, message: `${"y".repeat(1998)}😀z` };
    const [cut] = parse({ ...decided, checks: [long], notes: ["n".repeat(3000)] }).checks;
    expect(cut!.name).toBe(`${long.name.slice(0, 299)}…`);
    // Character 1999 would be the emoji's first half: the cut falls before the pair, never inside it.
    expect(cut!.message).toBe(`${"y".repeat(1998)}…`);
    expect(parse({ ...decided, notes: ["n".repeat(3000)] }).notes).toEqual([`${"n".repeat(1999)}…`]);
  });

  it("keeps a real policy diff of a large rewrite and a long list of notes, the first 500 and 100 of them", () => {
    const metrics = (max: number) =>
      Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`m${i}`, { direction: "higher", min: max }]));
    const differences = diffPolicy({ evaluate: { metrics: metrics(0.1) } }, { evaluate: { metrics: metrics(0.2) } });
    expect(differences.length).toBeGreaterThan(500);
    const notes = Array.from({ length: 150 }, (_, i) => `note ${i}`);
    const policy = { ...decided.policy, change: { differences } };
    const result = parse({ ...decided, policy, notes });
    expect(result.policy!.change!.differences).toEqual(differences.slice(0, 500));
    expect(result.notes).toEqual(notes.slice(0, 100));
  });

  it("keeps a slice search, its first 100 slices, and refuses settings no policy allows", () => {
    const many = { ...sliceSearch, slices: Array<unknown>(150).fill(foundSlice) };
    const kept = parse({ ...decided, slice_search: many }).slice_search!;
    expect(kept.slices).toHaveLength(100);
    expect(kept).toEqual({ ...sliceSearch, slices: Array<unknown>(100).fill(foundSlice) });
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
    [
      "a slice search deeper than three predicates",
      { ...decided, slice_search: { ...sliceSearch, depth: 4 } },
      /at slice_search\.depth/,
    ],
    [
      "a found slice with a p-value above 1",
      { ...decided, slice_search: { ...sliceSearch, slices: [{ ...foundSlice, p_value_adjusted: 2 }] } },
      /at slice_search\.slices\.0\.p_value_adjusted/,
    ],
    [
      "a hostile slice among more than the slices kept",
      { ...decided, slice_search: { ...sliceSearch, slices: [...Array<unknown>(150).fill(foundSlice), { slice: 1 }] } },
      /at slice_search\.slices\.150\.slice/,
    ],
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
