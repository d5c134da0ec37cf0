import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";
import type { BundleRun } from "./support/run-action-bundle.js";

// The explanation fixtures and NumPy's values for them (test/unit/explain/fixtures/SOURCE.md).
const fixture = (file: string) => readFileSync(path.join(repoRoot, "test/unit/explain/fixtures", file), "utf8");
const expected = JSON.parse(fixture("expected.json")) as {
  candidate: Record<string, { rank: number }>;
  baseline: Record<string, { rank: number }>;
  largest: Array<{ id: string }>;
};
const BASE_SHA = "b".repeat(40);
const PR_EVENT = {
  action: "synchronize",
  number: 7,
  pull_request: { number: 7, head: { sha: "a".repeat(40), ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
};
const POLICY = `version: 1
model: churn
evaluate:
  metrics:
    accuracy: { direction: higher, min: 0 }
  explanations:
    top-k: 3
    max-rank-change: { tenure: 2 }
`;
const GATING = POLICY.replace("{ tenure: 2 }", "{ tenure: 2, age: 1 }");

function workspace(files: Record<string, string> = {}): string {
  return makeWorkspace({
    "candidate.csv": fixture("candidate-predictions.csv"),
    "baseline.csv": fixture("baseline-predictions.csv"),
    "candidate-shap.csv": fixture("candidate-attributions.csv"),
    "baseline-shap.csv": fixture("baseline-attributions.csv"),
    ...files,
  });
}
const INPUTS = {
  "candidate-predictions": "candidate.csv",
  "baseline-predictions": "baseline.csv",
  "candidate-explanations": "candidate-shap.csv",
  "baseline-explanations": "baseline-shap.csv",
  "github-token": "ghs_test_write",
};
const errors = (run: BundleRun) => run.commands.filter((c) => c.command === "error");

describe.each(nodeBinaries())("evaluate-gate bundle given explanations on $label", ({ path: node }) => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });
  const prRun = (policy: string, inputs: Record<string, string> = {}, files: Record<string, string> = {}) => {
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", policy);
    return runActionBundle("evaluate-gate", {
      node,
      workspace: workspace(files),
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: { ...INPUTS, ...inputs },
    });
  };

  it("reports the explanation section and charts in the sticky comment, counts only without show-examples", async () => {
    const run = await prRun(POLICY);
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const body = api.comments("acme", "models", 7)[0]!.body;
    expect(body).toContain("#### Explanations · top 3 features by mean |attribution|");
    expect(body).toContain("- Entered the top 3: **age**, **support\\_calls**.");
    expect(body).toContain("```mermaid\nxychart-beta");
    expect(body).toContain("Set show-examples: true");
    expect(body).not.toMatch(/c0\d\d/);
    expect(run.summary).toBe(body.slice(body.indexOf("\n") + 1));
    const json = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    const tenure = json.checks.find((c: { name: string }) => c.name === "rank(tenure):max-rank-change");
    expect(tenure).toMatchObject({
      verdict: "pass",
      value: expected.candidate.tenure!.rank,
      baseline: expected.baseline.tenure!.rank,
    });
    expect(json.explanations.changed_predictions.examples).toBeUndefined();
  });

  it("fails the step on a rank change beyond its bound and lists the changed examples with show-examples", async () => {
    const run = await prRun(GATING, { "show-examples": "true" });
    expect(run.exitCode).toBe(1);
    expect(errors(run).map((e) => e.properties.title)).toEqual(["evaluate-gate · rank(age):max-rank-change"]);
    expect(errors(run)[0]!.message).toContain("age moved up 3 (rank 4 → 1); at most 1 allowed.");
    const body = api.comments("acme", "models", 7)[0]!.body;
    expect(body).toContain(`| ${expected.largest[0]!.id} |`);
  });

  it("fails a gated feature the baseline's explanations lack, naming it", async () => {
    const policy = POLICY.replace("{ tenure: 2 }", "{ support_calls: 5 }");
    const run = await prRun(policy);
    expect(run.exitCode).toBe(1);
    expect(errors(run)[0]!.message).toContain(
      "support_calls is absent from the baseline's explanations (baseline-shap.csv), so it cannot be compared: it is new in the candidate.",
    );
  });

  it("cannot decide, and says which file and column, when an attributions file holds text", async () => {
    const broken = fixture("candidate-attributions.csv").replace(/\nc005,[^,]*,/, "\nc005,n/a,");
    const run = await prRun(POLICY, {}, { "candidate-shap.csv": broken });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toHaveLength(1);
    expect(errors(run)[0]!.message).toContain(
      'Input "candidate-explanations": candidate-shap.csv, column "age": 1 of 40 cells are not finite numbers',
    );
  });
});
