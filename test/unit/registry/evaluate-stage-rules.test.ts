import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import type { PublishedResult } from "../../../shared/src/publish/published-result-schema.js";
import { evaluateStageRules } from "../../../shared/src/registry/evaluate-stage-rules.js";
import { readStageRules } from "../../../shared/src/registry/stage-rules.js";

const POLICY = parsePolicy(
  `version: 1
registry:
  stages:
    production:
      require: [evaluate-gate, bias-check/churn]
      checks: { workflow: pr-model-gate.yml, jobs: [gate, gate] }
    staging: {}
`,
  "modelgate.yml",
);
const SOURCE = "modelgate.yml (base branch at 1a2b3c4)";

function result(
  action: PublishedResult["action"],
  key: string,
  verdict: PublishedResult["verdict"],
): { file: string; result: PublishedResult } {
  const check = {
    name: "x:min",
    metric: "x",
    rule: "min",
    verdict,
    value: 1,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message: "m",
  };
  return {
    file: `${action}.json`,
    result: {
      schema: "modelgate.result/v1",
      action,
      key,
      verdict,
      checks: [check],
      notes: [],
      policy: { file: "modelgate.yml", sha256: "", source: "file" },
    },
  };
}

describe("readStageRules", () => {
  it("reads a stage's gates and its required jobs with the workflow's full path, once each", () => {
    expect(readStageRules(POLICY, "production", SOURCE)).toEqual({
      stage: "production",
      source: SOURCE,
      unlisted: null,
      require: [
        { action: "evaluate-gate", text: "evaluate-gate" },
        { action: "bias-check", key: "churn", text: "bias-check/churn" },
      ],
      checks: [{ name: "gate", workflow: ".github/workflows/pr-model-gate.yml" }],
      rollbackEnvironment: null,
    });
  });

  it("has no rules without a registry section, and marks a stage the section does not list", () => {
    expect(readStageRules(undefined, "production", null)).toMatchObject({ unlisted: null, require: [], checks: [] });
    expect(readStageRules(POLICY, "prod", SOURCE).unlisted).toEqual(["production", "staging"]);
  });

  it("marks a stage named like an Object.prototype member as unlisted, instead of reading no rules for it", () => {
    for (const stage of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      expect(readStageRules(POLICY, stage, SOURCE).unlisted, stage).toEqual(["production", "staging"]);
    }
    const listed = parsePolicy(
      "version: 1\nregistry:\n  stages:\n    constructor: { require: [evaluate-gate] }\n",
      "modelgate.yml",
    );
    expect(readStageRules(listed, "constructor", SOURCE)).toMatchObject({
      unlisted: null,
      require: [{ action: "evaluate-gate", text: "evaluate-gate" }],
    });
  });
});

describe("evaluateStageRules", () => {
  const rules = readStageRules(POLICY, "production", SOURCE);

  it("passes each required gate that has a passing or warning result, keyed when the rule names a key", () => {
    const checks = evaluateStageRules(
      rules,
      [result("evaluate-gate", "default", "warn"), result("bias-check", "churn", "pass")],
      false,
    );
    expect(checks.map((c) => [c.name, c.verdict])).toEqual([
      ["require:evaluate-gate", "pass"],
      ["require:bias-check/churn", "pass"],
    ]);
    expect(checks[0]!.message).toBe(
      "evaluate-gate is required by modelgate.yml (base branch at 1a2b3c4) registry.stages.production.require; evaluate-gate.json is its warn result.",
    );
  });

  it("fails a required gate that is missing, has another key, or failed; allow-ungated only waives the missing ones", () => {
    const given = [result("evaluate-gate", "default", "fail"), result("bias-check", "fraud", "pass")];
    expect(evaluateStageRules(rules, given, false).map((c) => [c.name, c.verdict])).toEqual([
      ["require:evaluate-gate", "fail"],
      ["require:bias-check/churn", "fail"],
    ]);
    const waived = evaluateStageRules(rules, given, true);
    expect(waived.map((c) => [c.name, c.verdict])).toEqual([
      ["require:evaluate-gate", "fail"],
      ["require:bias-check/churn", "warn"],
    ]);
    expect(waived[1]!.message).toMatch(/promoted without it \(allow-ungated\), as the version record says\.$/);
  });

  it("refuses a stage the policy does not list", () => {
    const checks = evaluateStageRules(readStageRules(POLICY, "prod", SOURCE), [], false);
    expect(checks).toEqual([expect.objectContaining({ name: "policy:stage:prod", verdict: "fail" })]);
    expect(checks[0]!.message).toBe(
      "modelgate.yml (base branch at 1a2b3c4) registry.stages lists production, staging but not prod: a stage the policy does not name has no rules, so nothing is promoted to it. Add prod under registry.stages (with require: [] if it needs no gate).",
    );
  });
});
