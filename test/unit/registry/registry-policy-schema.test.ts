import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { toRegistryGtoPolicy } from "../../../shared/src/registry/registry-policy-schema.js";

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
    expect(() =>
      parsePolicy(policy("  stages:\n    production:\n      requires: [evaluate-gate]\n"), "modelgate.yml"),
    ).toThrow(/registry\.stages\.production \(line 4\) has unknown key "requires" \(did you mean "require"\?\)/);
    expect(() => parsePolicy(policy("  stage: {}\n"), "modelgate.yml")).toThrow(
      /registry \(line \d\) has unknown key "stage" \(did you mean "stages"\?\)/,
    );
  });

  it("refuses a gate whose result cannot be promotion evidence, a workflow that is not a workflow file, and an empty job list", () => {
    expect(() =>
      parsePolicy(policy("  stages:\n    production:\n      require: [shadow-compare]\n"), "modelgate.yml"),
    ).toThrow(/registry\.stages\.production\.require\.0 .*must be a gate/);
    expect(() =>
      parsePolicy(
        policy("  stages:\n    production:\n      checks: { workflow: ../evil.sh, jobs: [gate] }\n"),
        "modelgate.yml",
      ),
    ).toThrow(/checks\.workflow .*must be a workflow file/);
    expect(() =>
      parsePolicy(
        policy("  stages:\n    production:\n      checks: { workflow: gate.yml, jobs: [] }\n"),
        "modelgate.yml",
      ),
    ).toThrow(/checks\.jobs .*must name at least one job/);
  });

  it("refuses a stage name outside GTO's name grammar, and one git cannot carry in a tag", () => {
    expect(() => parsePolicy(policy("  stages:\n    -prod: {}\n"), "modelgate.yml")).toThrow(
      /registry\.stages \(line \d+\) has the name "-prod", but stage names follow GTO's name grammar/,
    );
    expect(() => parsePolicy(policy("  stages:\n    prod_: {}\n"), "modelgate.yml")).toThrow(
      /has the name "prod_", but stage names follow GTO's name grammar/,
    );
    expect(() => parsePolicy(policy("  stages:\n    models:prod: {}\n"), "modelgate.yml")).toThrow(
      /has the name "models:prod", but stage names follow GTO's name grammar/,
    );
    expect(() => parsePolicy(policy("  stages:\n    eu//prod: {}\n"), "modelgate.yml")).toThrow(
      /has the name "eu\/\/prod", but stage names cannot contain "\/\/"/,
    );
  });

  it("accepts the stage names GTO 1.10 accepts: capitals, underscores and slashes", () => {
    const parsed = parsePolicy(
      policy("  stages:\n    Prod: {}\n    canary_EU/1: { require: [evaluate-gate] }\n"),
      "modelgate.yml",
    );
    expect(Object.keys(parsed.registry?.stages ?? {}).sort()).toEqual(["Prod", "canary_EU/1"]);
  });

  it("holds the GTO keys beside stages in the same section, and refuses their wrong values", () => {
    const parsed = parsePolicy(
      policy("  versions-per-commit: many\n  allow-foreign-tags: true\n  stages:\n    production: {}\n"),
      "modelgate.yml",
    );
    expect(parsed.registry).toEqual({
      "versions-per-commit": "many",
      "allow-foreign-tags": true,
      stages: { production: {} },
    });
    expect(toRegistryGtoPolicy(parsed.registry)).toEqual({ versionsPerCommit: "many", allowForeignTags: true });
    expect(toRegistryGtoPolicy(undefined)).toEqual({ versionsPerCommit: "one", allowForeignTags: false });
    expect(() => parsePolicy(policy("  versions-per-commit: several\n"), "modelgate.yml")).toThrow(
      /registry\.versions-per-commit/,
    );
    expect(() => parsePolicy(policy("  allow-foreign-tags: yes please\n"), "modelgate.yml")).toThrow(
      /registry\.allow-foreign-tags/,
    );
    expect(() => parsePolicy(policy("  versions_per_commit: many\n"), "modelgate.yml")).toThrow(
      /registry \(line \d\) has unknown key "versions_per_commit" \(did you mean "versions-per-commit"\?\)/,
    );
  });
});
