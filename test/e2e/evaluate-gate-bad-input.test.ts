import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";
import type { BundleRun } from "./support/run-action-bundle.js";

const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn", file), "utf8");
const POLICY = example("modelgate.yml");
const BASELINE = example("baseline.json");
const BETTER = example("candidate-better.json");

/** One rule per metric, so a bad value in the candidate yields exactly one failed check and one annotation. */
const ONE_RULE_POLICY = `version: 1
model: churn-classifier
evaluate:
  metrics:
    accuracy:       { direction: higher, min: 0.80 }
    latency_p95_ms: { direction: lower, max: 150 }
`;

const metricsPolicy = (metricYaml: string) =>
  `version: 1\nmodel: churn-classifier\nevaluate:\n  metrics:\n    ${metricYaml}\n`;

/**
 * How a bad input must surface. `undecided`: the gate publishes an UndecidedResult (summary, result JSON,
 * verdict fail), also when a shared input such as fail-on is refused. `check`: the gate decides and
 * `metric`'s only check fails.
 */
type Outcome = { kind: "undecided" } | { kind: "check"; metric: string };

interface BadInputCase {
  /** The condition, as it reads after "when". */
  when: string;
  /** Workspace files on top of the example's modelgate.yml, baseline.json and c.json (the better candidate). */
  files?: Record<string, string>;
  inputs?: Record<string, string>;
  /** Extra preparation with the workspace and the folder that holds it (outside the workspace). */
  setup?: (workspace: string, outside: string) => void;
  outcome: Outcome;
  /** Texts the error annotation must contain: the file or input at fault and what is wrong. */
  names: Array<string | RegExp>;
}

const CASES: BadInputCase[] = [
  {
    when: "the candidate file does not exist",
    inputs: { candidate: "missing.json" },
    outcome: { kind: "undecided" },
    names: ['Input "candidate"', "missing.json", "does not exist"],
  },
  {
    when: "the baseline file does not exist",
    inputs: { baseline: "missing-baseline.json" },
    outcome: { kind: "undecided" },
    names: ['Input "baseline"', "missing-baseline.json", "does not exist"],
  },
  {
    when: "the candidate file is empty",
    files: { "c.json": "" },
    outcome: { kind: "undecided" },
    names: ['Input "candidate"', "c.json is empty"],
  },
  {
    when: "the candidate is not valid JSON",
    files: { "c.json": '{\n  "accuracy": 0.91\n  "f1": 0.88\n}\n' },
    outcome: { kind: "undecided" },
    // JSON's own words, not the YAML parser's ("flow map", "block collection") that would mislead here.
    names: ["c.json is not valid JSON at line 3, column 3", "Expected ',' or '}' after property value"],
  },
  {
    when: "the candidate .yaml file is not valid YAML",
    files: { "c.yaml": "accuracy: [0.91\nf1: 0.88\n" },
    inputs: { candidate: "c.yaml" },
    outcome: { kind: "undecided" },
    names: ['Input "candidate"', "c.yaml is not valid YAML at line"],
  },
  {
    when: "the policy file does not exist",
    inputs: { policy: "gates/missing.yml" },
    outcome: { kind: "undecided" },
    names: ["gates/missing.yml does not exist"],
  },
  {
    when: "the policy is not valid YAML",
    files: { "modelgate.yml": "version: 1\nevaluate:\n  metrics: [accuracy\n" },
    outcome: { kind: "undecided" },
    names: ["modelgate.yml is not valid YAML at line"],
  },
  {
    when: "a policy key is misspelt (max_regression)",
    files: { "modelgate.yml": metricsPolicy("accuracy: { direction: higher, max_regression: 0.01 }") },
    outcome: { kind: "undecided" },
    names: [
      "modelgate.yml",
      'evaluate.metrics.accuracy (line 5) has unknown key "max_regression" (did you mean "max-regression"?)',
    ],
  },
  {
    when: "a policy bound has the wrong type (min: high)",
    files: { "modelgate.yml": metricsPolicy('accuracy: { direction: higher, min: "high" }') },
    outcome: { kind: "undecided" },
    names: ["modelgate.yml", 'evaluate.metrics.accuracy.min (line 5) must be a number, got "high"'],
  },
  {
    when: "a metric's direction is unknown",
    files: { "modelgate.yml": metricsPolicy("accuracy: { direction: up, min: 0.8 }") },
    outcome: { kind: "undecided" },
    names: ["modelgate.yml", 'evaluate.metrics.accuracy.direction (line 5) must be one of "higher", "lower"'],
  },
  {
    when: "the policy has no evaluate: section",
    files: { "modelgate.yml": "version: 1\nmodel: churn-classifier\n" },
    outcome: { kind: "undecided" },
    names: ["modelgate.yml has no evaluate: section"],
  },
  {
    when: "a metric the policy names is absent from the candidate",
    files: { "modelgate.yml": metricsPolicy("precision: { direction: higher, min: 0.5 }") },
    outcome: { kind: "check", metric: "precision" },
    names: ["precision is missing from c.json"],
  },
  {
    when: "a gated metric in the candidate is not a number",
    files: { "modelgate.yml": ONE_RULE_POLICY, "c.json": '{"accuracy": "high", "latency_p95_ms": 120}' },
    outcome: { kind: "check", metric: "accuracy" },
    names: ['accuracy in c.json is not a number ("high")'],
  },
  {
    // Python's json.dump writes a failed metric as a bare NaN token, which is not JSON.
    when: "the candidate .json holds a bare NaN as Python's json writes it",
    files: { "modelgate.yml": ONE_RULE_POLICY, "c.json": '{"accuracy": NaN, "latency_p95_ms": 120}' },
    outcome: { kind: "check", metric: "accuracy" },
    names: ["accuracy in c.json is not finite (NaN)"],
  },
  {
    when: "the candidate .json holds a bare Infinity",
    files: { "modelgate.yml": ONE_RULE_POLICY, "c.json": '{"accuracy": 0.9, "latency_p95_ms": Infinity}' },
    outcome: { kind: "check", metric: "latency_p95_ms" },
    names: ["latency_p95_ms in c.json is not finite (Infinity)"],
  },
  {
    when: "two entries of the candidate flatten to the same metric name",
    files: { "c.json": '{"a.b": 1, "a": {"b": 2}, "accuracy": 0.95, "f1": 0.9, "auc": 0.95, "latency_p95_ms": 100}' },
    outcome: { kind: "undecided" },
    names: ['Input "candidate"', "c.json", 'the same metric name "a.b"'],
  },
  {
    // A later duplicate would silently replace the earlier value, so the file is refused.
    when: "a key appears twice in the candidate JSON",
    files: { "c.json": '{"accuracy": 0.5, "f1": 0.9, "auc": 0.95, "latency_p95_ms": 100, "accuracy": 0.95}' },
    outcome: { kind: "undecided" },
    names: ['Input "candidate"', "c.json is not valid JSON", 'a key appears twice in one mapping: "accuracy"'],
  },
  {
    // The file outside would make the gate pass, so reading it would be a silent bypass.
    when: "the baseline path leaves the workspace (../x.json)",
    inputs: { baseline: "../x.json" },
    setup: (_, outside) => writeFileSync(path.join(outside, "x.json"), BETTER),
    outcome: { kind: "undecided" },
    names: ['Input "baseline" points outside the workspace', "../x.json"],
  },
  {
    when: "the baseline is a symlink to a file outside the workspace",
    inputs: { baseline: "link.json" },
    setup: (workspace, outside) => {
      writeFileSync(path.join(outside, "elsewhere.json"), BETTER);
      symlinkSync(path.join(outside, "elsewhere.json"), path.join(workspace, "link.json"));
    },
    outcome: { kind: "undecided" },
    names: ['Input "baseline" points outside the workspace', "link.json"],
  },
  {
    when: "fail-on is warning",
    inputs: { "fail-on": "warning" },
    outcome: { kind: "undecided" },
    names: ['Input "fail-on" is "warning"', "fail, warn, never", "Set fail-on in the step's with: block"],
  },
  {
    when: "comment is sometimes",
    inputs: { comment: "sometimes" },
    outcome: { kind: "undecided" },
    names: ['Input "comment" is "sometimes"', "auto, always, never", "Set comment in the step's with: block"],
  },
  {
    when: "check-run is yes",
    inputs: { "check-run": "yes" },
    outcome: { kind: "undecided" },
    names: [
      'Input "check-run" is "yes"',
      "allowed: true, True, TRUE, false, False, FALSE",
      "Set check-run in the step's with: block",
    ],
  },
  {
    when: "the candidate has an unsupported extension (.csv)",
    files: { "c.csv": "metric,value\naccuracy,0.91\n" },
    inputs: { candidate: "c.csv" },
    outcome: { kind: "undecided" },
    names: ['Input "candidate"', 'c.csv has extension ".csv"', ".json, .yaml or .yml"],
  },
  {
    // A ref starting with "-" would reach git as an option; it must be refused before git runs.
    when: "the git: baseline's ref is an option (--upload-pack)",
    inputs: { baseline: "git:--upload-pack=x:m.json" },
    setup: initGitRepository,
    outcome: { kind: "undecided" },
    names: ['Input "baseline" is "git:--upload-pack=x:m.json", which is not a valid git:<ref>:<path> spec'],
  },
  {
    when: "the git: baseline's ref does not exist",
    inputs: { baseline: "git:no-such-branch:baseline.json" },
    setup: initGitRepository,
    outcome: { kind: "undecided" },
    names: ['Input "baseline"', "cannot read baseline.json at git ref no-such-branch", "fetch-depth: 0"],
  },
];

/** A workspace inside a folder of its own, so "outside the workspace" is a place the test controls. */
function makeContainedWorkspace(files: Record<string, string>): { workspace: string; outside: string } {
  const outside = mkdtempSync(path.join(tmpdir(), "modelgate-outside-"));
  const workspace = path.join(outside, "workspace");
  mkdirSync(workspace);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(workspace, name), content);
  return { workspace, outside };
}

/** Makes the workspace a git repository with one commit of everything in it (git run without a shell). */
function initGitRepository(workspace: string): void {
  const identity = {
    GIT_AUTHOR_NAME: "modelgate test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "modelgate test",
    GIT_COMMITTER_EMAIL: "test@example.com",
  };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
      cwd: workspace,
      env: { ...process.env, ...identity },
      stdio: "pipe",
    });
  git("init", "--quiet");
  git("add", "--all");
  git("commit", "--quiet", "--message", "metrics");
}

/** The error annotations: a failing step carries exactly one per problem, and nothing else. */
const problemAnnotations = (run: BundleRun) => run.commands.filter((c) => c.command === "error");

describe.each(nodeBinaries())("evaluate-gate bundle given bad input on $label", ({ path: node }) => {
  const runCase = (c: Pick<BadInputCase, "files" | "inputs" | "setup">) => {
    const { workspace, outside } = makeContainedWorkspace({
      "modelgate.yml": POLICY,
      "baseline.json": BASELINE,
      "c.json": BETTER,
      ...c.files,
    });
    c.setup?.(workspace, outside);
    return runActionBundle("evaluate-gate", {
      node,
      workspace,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { candidate: "c.json", baseline: "baseline.json", "github-token": "ghs_test_write", ...c.inputs },
    });
  };

  it.each(CASES.map((c) => [c.when, c] as const))(
    "fails the step with one error naming the problem and its fix when %s",
    async (_, c) => {
      const run = await runCase(c);

      expect(run.exitCode).toBe(1);
      expect(run.outputs.passed).not.toBe("true");
      if (run.outputs.verdict !== undefined) expect(run.outputs.verdict).toBe("fail");
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/(^|%0A)[ \t]+at \S/m);

      const problems = problemAnnotations(run);
      expect(problems, run.stdout).toHaveLength(1);
      const [problem] = problems;
      for (const text of c.names) expect(problem!.message).toMatch(text);
      expect(problem!.message).toMatch(/ Fix: \S/);
      expectPublishedFail(run, c.outcome, problem!.message);
    },
  );

  it("passes with a baseline read from git:HEAD:baseline.json when the candidate holds every rule", async () => {
    const run = await runCase({ inputs: { baseline: "git:HEAD:baseline.json" }, setup: initGitRepository });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: "pass", passed: "true" });
    expect(run.commands.filter((c) => c.command === "error")).toEqual([]);
    expect(run.summary).toContain("vs baseline **git:HEAD:baseline.json**");
    const result = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    expect(result.files).toEqual({ candidate: "c.json", baseline: "git:HEAD:baseline.json" });
    expect(result.checks.map((c: { baseline: number | null }) => c.baseline)).not.toContain(null);
  });
});

/** A result was published: verdict fail, and the result JSON says why in the annotation's words. */
function expectPublishedFail(run: BundleRun, outcome: Outcome, annotation: string): void {
  expect(run.outputs.verdict).toBe("fail");
  const result = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
  expect(result).toMatchObject({ schema: "modelgate.result/v1", action: "evaluate-gate", verdict: "fail" });
  if (outcome.kind === "undecided") {
    expect(run.summary).toContain("could not decide");
    expect(result.checks).toEqual([]);
    expect(`${result.error.message} Fix: ${result.error.hint}`).toBe(annotation);
    return;
  }
  const failed = result.checks.filter((check: { verdict: string }) => check.verdict === "fail");
  expect(failed).toEqual([expect.objectContaining({ metric: outcome.metric, value: null, message: annotation })]);
  expect(failed[0].name).toBe(`${outcome.metric}:${failed[0].rule}`);
  expect(run.commands.find((cmd) => cmd.message === annotation)?.properties.title).toBe(
    `evaluate-gate · ${failed[0].name}`,
  );
}
