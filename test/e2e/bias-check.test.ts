import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

// ProPublica's COMPAS rows after the standard filter (test/unit/fairness/fixtures/SOURCE.md). Reference values
// (make_reference_values.py, numpy): race demographic_parity_ratio over groups of ≥ 30 rows 0.35427, sex 0.88981.
const COMPAS = path.join(repoRoot, "test/unit/fairness/fixtures/compas-filtered.csv.gz");
const COMPAS_INPUTS = {
  predictions: "compas.csv.gz",
  sensitive: "race,sex",
  "label-column": "two_year_recid",
  "prediction-column": "medium_or_high",
};
const policy = (metrics: string, extra = "") =>
  `version: 1\nmodel: recidivism\nfairness:\n  resamples: 200\n${extra}  metrics:\n${metrics}`;

function compasWorkspace(modelgate: string): string {
  const workspace = makeWorkspace({ "modelgate.yml": modelgate });
  copyFileSync(COMPAS, path.join(workspace, "compas.csv.gz"));
  return workspace;
}

describe.each(nodeBinaries())("bias-check bundle on COMPAS on $label", ({ path: node }) => {
  it("fails the four-fifths rule on race, passes it on sex, and explains what the rule does not establish", async () => {
    const run = await runActionBundle("bias-check", {
      node,
      workspace: compasWorkspace(policy("    demographic_parity_ratio: { min: 0.8 }\n")),
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { "github-token": "ghs_test_write", ...COMPAS_INPUTS },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: "fail", passed: "false" });
    const json = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    expect(json.action).toBe("bias-check");
    const race = json.checks.find((c: { name: string }) => c.name === "demographic_parity_ratio [race]:min");
    const sex = json.checks.find((c: { name: string }) => c.name === "demographic_parity_ratio [sex]:min");
    expect(race).toMatchObject({ verdict: "fail", threshold: 0.8 });
    expect(race.value).toBeCloseTo(0.3542696466230013, 12);
    expect(sex).toMatchObject({ verdict: "pass" });
    expect(sex.value).toBeCloseTo(0.8898094926350246, 12);
    expect(race.ci[0]).toBeLessThan(race.value);
    expect(race.ci[1]).toBeGreaterThan(race.value);
    expect(run.summary).toMatch(/bias-check · recidivism/);
    // Rate gaps are drawn from zero as text bars (Mermaid bars start at the axis minimum).
    expect(run.summary).toMatch(/Rate gaps by \*\*race\*\*, from zero:\n\n```text\nselection rate gap/);
    expect(run.summary).toMatch(/four-fifths rule/);
    expect(run.summary).toContain("Native American \\(11\\)"); // escaped for markdown
    expect(run.summary).toMatch(/<details><summary>Groups by race × sex/);
    // The file repeats decile_score and priors_count; only the needed columns are read, the rest is a note.
    expect(json.notes.join(" ")).toMatch(/decile_score/);
  });
});

describe("bias-check bundle judging a fairness regression against noise", () => {
  it("fails a real regression on the paired interval of the change and shows the interval beside the point values", async () => {
    const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn", file), "utf8");
    const run = await runActionBundle("bias-check", {
      node: nodeBinaries()[0]!.path,
      workspace: makeWorkspace({
        "modelgate.yml": example("policy-fairness.yml"),
        "rural.csv": example("predictions-rural.csv"),
        "baseline.csv": example("predictions-baseline.csv"),
      }),
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { "github-token": "ghs_test_write", predictions: "rural.csv", "baseline-predictions": "baseline.csv" },
    });
    expect(run.exitCode).toBe(1);
    const json = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    const region = json.checks.find(
      (c: { name: string }) => c.name === "demographic_parity_difference [region]:max-regression",
    );
    expect(region).toMatchObject({
      verdict: "fail",
      significance_decision: "fail",
      method: "bootstrap-percentile (paired, stratified)",
      alpha: 0.025,
    });
    expect(region.ci[0]).toBeGreaterThan(0.01);
    expect(region.effect_size).toBeCloseTo(region.value - region.baseline, 12);
    expect(json.significance).toMatchObject({
      multiple_testing: "holm",
      family_alpha: 0.05,
      checks: 2,
      resamples: 1000,
      seed: 20240601,
    });
    expect(run.summary).toContain("**Fairness regressions judged against noise**");
    expect(run.summary).toMatch(
      /demographic\\_parity\\_difference \\\[region\\\] \| [0-9.]+ \([0-9.]+\) \| \+0\.14\d* \[\+0\.05\d+, \+0\.18\d*\] \| 0\.01 \|.*real regression/,
    );
  });
});

const SMALL = (rows: string[]) => `label,prediction,score,group\n${rows.join("\n")}\n`;
/** 40 rows per group: group a and b, each with both labels and both predictions. */
const BALANCED = Array.from(
  { length: 80 },
  (_, i) => `${i % 2},${(i >> 1) % 2},0.${(i % 9) + 1},${i < 40 ? "a" : "b"}`,
);
const SIMPLE_POLICY = policy("    equalized_odds_difference: { max: 0.5 }\n");

interface BadCase {
  when: string;
  files: Record<string, string>;
  inputs?: Record<string, string>;
  /** undecided: the gate cannot decide (exit 1, error annotation); check: a check fails for the stated reason. */
  outcome: "undecided" | "check";
  names: RegExp[];
}

const CASES: BadCase[] = [
  {
    when: "the sensitive column does not exist",
    files: { "p.csv": SMALL(BALANCED) },
    inputs: { sensitive: "race" },
    outcome: "undecided",
    names: [/no sensitive column "race"/, /Its columns: "label", "prediction", "score", "group"/],
  },
  {
    when: "the group column has only one group",
    files: { "p.csv": SMALL(BALANCED.map((r) => r.replace(/,b$/, ",a"))) },
    outcome: "undecided",
    names: [/has only one group \("a"\)/],
  },
  {
    when: "the labels are not binary",
    files: { "p.csv": SMALL([...BALANCED, "2,1,0.5,a"]) },
    outcome: "undecided",
    names: [/values seen: .*"2"/, /multi-class predictions are not supported/],
  },
  {
    when: "the favourable label never occurs",
    files: { "p.csv": SMALL(BALANCED) },
    inputs: { "favorable-label": "approved" },
    outcome: "undecided",
    names: [/"favorable-label" is "approved", which never occurs/],
  },
  {
    when: "a group has zero positives",
    files: { "p.csv": SMALL(BALANCED.map((r) => (r.endsWith(",b") ? `0${r.slice(1)}` : r))) },
    outcome: "check",
    names: [/tpr of group "b" is undefined \(no row with the positive label\)/],
  },
  {
    when: "a score is NaN",
    // No prediction column: predictions come from score >= threshold, and row 3's score is NaN.
    files: {
      "p.csv": `label,score,group\n${BALANCED.map((r, i) => {
        const [label, , score, group] = r.split(",");
        return `${label},${i === 2 ? "NaN" : score},${group}`;
      }).join("\n")}\n`,
    },
    outcome: "undecided",
    names: [/"score"/, /data row 3/],
  },
  {
    when: "predictions and baseline hold different rows",
    files: { "p.csv": SMALL(BALANCED), "b.csv": SMALL(BALANCED.slice(1)) },
    inputs: { "baseline-predictions": "b.csv" },
    outcome: "undecided",
    names: [/has 80 rows but .*b\.csv.* has 79/],
  },
];

const [firstNode] = nodeBinaries();
describe("bias-check bundle given bad input", () => {
  it.each(CASES)("fails closed with a clear message when $when", async ({ files, inputs, outcome, names }) => {
    const run = await runActionBundle("bias-check", {
      node: firstNode!.path,
      workspace: makeWorkspace({ "modelgate.yml": SIMPLE_POLICY, ...files }),
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: {
        "github-token": "ghs_test_write",
        predictions: "p.csv",
        sensitive: "group",
        "prediction-column": "prediction",
        ...inputs,
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const json = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    const text =
      outcome === "undecided"
        ? `${json.error.message} ${json.error.hint}`
        : json.checks
            .filter((c: { verdict: string }) => c.verdict === "fail")
            .map((c: { message: string }) => c.message)
            .join(" ");
    if (outcome === "undecided") expect(run.commands.some((c) => c.command === "error")).toBe(true);
    for (const name of names) expect(text).toMatch(name);
  });
});

describe("bias-check bundle on a pull request", () => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  it("writes one sticky comment with its own marker, judged by the base branch's policy, and updates it in place", async () => {
    const BASE_SHA = "b".repeat(40);
    const event = {
      action: "synchronize",
      number: 7,
      pull_request: { number: 7, head: { sha: "a".repeat(40), ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
    };
    const strict = policy("    demographic_parity_ratio: { min: 0.8 }\n");
    // The PR loosens its own policy; the base branch's decides.
    const workspace = compasWorkspace(policy("    demographic_parity_ratio: { min: 0.1 }\n"));
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", strict);
    const prRun = () =>
      runActionBundle("bias-check", {
        node: firstNode!.path,
        workspace,
        apiUrl: api.url,
        eventName: "pull_request",
        event,
        inputs: { "github-token": "ghs_test_write", ...COMPAS_INPUTS },
      });
    const first = await prRun();
    expect(first.exitCode).toBe(1);
    expect(first.summary).toContain("This pull request changes modelgate.yml");
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(
      comments[0]!.body.startsWith("<!-- modelgate:bias-check:recidivism -->\n### ❌ fail · bias-check · recidivism"),
    ).toBe(true);
    await prRun();
    expect(api.comments("acme", "models", 7)).toHaveLength(1);
  });
});
