import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";

const policy = (registry: string) => `version: 1\nregistry:\n${registry}`;

describe("the registry: policy section", () => {
  it("reads stages with required gates, required jobs of a workflow and a rollback environment", () => {
    const parsed = parsePolicy(
      policy(`  stages:
    production:
      require: [evaluate-gate, bias-check/churn]
      checks: { workflow: .github/workflows/pr-model-gate.yml, jobs: [gate] }
      rollback-environment: production
    staging: {}
`),
      "modelgate.yml",
    );
    expect(parsed.registry?.stages?.production).toEqual({
      require: ["evaluate-gate", "bias-check/churn"],
      checks: { workflow: ".github/workflows/pr-model-gate.yml", jobs: ["gate"] },
      "rollback-environment": "production",
    });
    expect(parsed.registry?.stages?.staging).toEqual({});
  });

  it("refuses an unknown key with its path and a suggestion, as every section does", () => {
    expect(() => parsePolicy(policy("  stages:\n    production:\n      requires: [evaluate-gate]\n"), "modelgate.yml")).toThrow(
      /registry\.stages\.production \(line 4\) has unknown key "requires" \(did you mean "require"\?\)/,
    );
    expect(() => parsePolicy(policy("  stage: {}\n"), "modelgate.yml")).toThrow(/registry \(line \d\) has unknown key "stage" \(did you mean "stages"\?\)/);
  });

  it("refuses a gate whose result cannot be promotion evidence, a workflow that is not a workflow file, and an empty job list", () => {
    expect(() => parsePolicy(policy("  stages:\n    production:\n      require: [shadow-compare]\n"), "modelgate.yml")).toThrow(/registry\.stages\.production\.require\.0 .*must be a gate/);
    expect(() => parsePolicy(policy("  stages:\n    production:\n      checks: { workflow: ../evil.sh, jobs: [gate] }\n"), "modelgate.yml")).toThrow(/checks\.workflow .*must be a workflow file/);
    expect(() => parsePolicy(policy("  stages:\n    production:\n      checks: { workflow: gate.yml, jobs: [] }\n"), "modelgate.yml")).toThrow(/checks\.jobs .*must name at least one job/);
  });

  it("refuses a stage name outside the registry's name grammar", () => {
    expect(() => parsePolicy(policy("  stages:\n    -prod: {}\n"), "modelgate.yml")).toThrow(/registry\.stages \(line \d+\) has the name "-prod", but stage names follow the registry.s name grammar/);
  });
});
