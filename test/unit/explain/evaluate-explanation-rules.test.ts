import { describe, expect, it } from "vitest";
import { explanationPolicySchema } from "../../../shared/src/explain/explanation-policy-schema.js";
import { evaluateExplanationRules } from "../../../shared/src/explain/evaluate-explanation-rules.js";
import type { Explanations } from "../../../shared/src/explain/explanations.js";

function model(name: string, entries: Record<string, [number, number | null]>): Explanations {
  return {
    input: "x",
    name,
    sha256: "0",
    global: new Map(Object.entries(entries).map(([feature, [meanAbs, mean]]) => [feature, { meanAbs, mean }])),
  };
}
// Candidate ranks: age 1, income 2, tenure 3, calls 4. Baseline ranks: income 1, tenure 2, age 3, discount 4.
const candidate = model("c.json", { age: [0.9, 0.2], income: [0.5, 0.1], tenure: [0.3, -0.1], calls: [0.1, 0.05] });
const baseline = model("b.json", { age: [0.3, 0.1], income: [0.8, -0.2], tenure: [0.4, 0.2], discount: [0.1, null] });
const policy = (raw: unknown) => explanationPolicySchema().parse(raw);

describe("evaluateExplanationRules", () => {
  it("returns no check when the policy only sets top-k (report only)", () => {
    expect(evaluateExplanationRules(policy({ "top-k": 3 }), candidate, baseline)).toEqual([]);
  });

  it("passes a rank change within its bound and fails one beyond it", () => {
    const checks = evaluateExplanationRules(policy({ "max-rank-change": { age: 2, tenure: 0 } }), candidate, baseline);
    expect(checks.map((c) => [c.name, c.verdict, c.value, c.baseline, c.delta, c.threshold])).toEqual([
      ["rank(age):max-rank-change", "pass", 1, 3, -2, 2],
      ["rank(tenure):max-rank-change", "fail", 3, 2, 1, 0],
    ]);
    expect(checks[1]!.message).toBe("tenure moved down 1 (rank 2 → 3); at most 0 allowed.");
  });

  it("fails a feature one model lacks or neither has, and warns without baseline explanations", () => {
    const rules = policy({ "max-rank-change": { calls: 5, discount: 5, Age: 1 } });
    const checks = evaluateExplanationRules(rules, candidate, baseline);
    expect(checks.map((c) => c.verdict)).toEqual(["fail", "fail", "fail"]);
    expect(checks[0]!.message).toMatch(
      /calls is absent from the baseline's explanations \(b\.json\).*new in the candidate/,
    );
    expect(checks[1]!.message).toMatch(/discount is absent from the candidate's explanations/);
    expect(checks[2]!.message).toMatch(
      /Neither model's explanations have a feature named "Age"\. Did you mean "age"\?/,
    );
    const alone = evaluateExplanationRules(policy({ "max-rank-change": { age: 1 } }), candidate, undefined);
    expect(alone.map((c) => [c.verdict, c.value, c.baseline])).toEqual([["warn", 1, null]]);
    const none = evaluateExplanationRules(policy({ "max-rank-change": { age: 1 } }), undefined, baseline);
    expect(none[0]).toMatchObject({ verdict: "fail", message: expect.stringMatching(/No candidate explanations/) });
  });

  it("fails a sign flip of a sign-stable feature and one whose sign is unknown", () => {
    const withNull = model("b2.json", { age: [0.3, null], income: [0.8, -0.2] });
    const checks = evaluateExplanationRules(policy({ "sign-stable": ["age", "income"] }), candidate, baseline);
    expect(checks.map((c) => [c.name, c.verdict])).toEqual([
      ["mean attribution(age):sign-stable", "pass"],
      ["mean attribution(income):sign-stable", "fail"],
    ]);
    const unknown = evaluateExplanationRules(policy({ "sign-stable": ["age"] }), candidate, withNull);
    expect(unknown[0]).toMatchObject({ verdict: "fail", message: expect.stringMatching(/importance only/) });
  });

  it("turns features present in one model only into a warning or failure when the policy asks", () => {
    expect(evaluateExplanationRules(policy({}), candidate, baseline)).toEqual([]);
    const [check] = evaluateExplanationRules(policy({ "on-feature-mismatch": "fail" }), candidate, baseline);
    expect(check).toMatchObject({ rule: "on-feature-mismatch", verdict: "fail", value: 2, threshold: 0 });
    expect(check!.message).toBe(
      "2 features differ: only in the candidate's explanations: calls; only in the baseline's: discount.",
    );
    const same = evaluateExplanationRules(policy({ "on-feature-mismatch": "warn" }), candidate, candidate);
    expect(same[0]).toMatchObject({ verdict: "pass", value: 0 });
  });

  it("refuses a policy with a negative or fractional bound or an unknown key", () => {
    expect(explanationPolicySchema().safeParse({ "max-rank-change": { age: -1 } }).success).toBe(false);
    expect(explanationPolicySchema().safeParse({ "top-k": 2.5 }).success).toBe(false);
    expect(explanationPolicySchema().safeParse({ "max-rank-changes": {} }).success).toBe(false);
    expect(explanationPolicySchema().parse({})).toEqual({ "top-k": 10, "on-feature-mismatch": "report" });
  });
});
