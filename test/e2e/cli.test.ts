import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const EXAMPLE = path.join(repoRoot, "shared/examples/churn");
const PREDICTIONS = path.join(repoRoot, "test/unit/stats/fixtures/paired_predictions.csv");

type CliRun = Awaited<ReturnType<typeof spawnCollect>>;

/** Runs the built CLI as a user would, from the example folder so relative paths name its files. */
function runCli(node: string, args: string[]): Promise<CliRun> {
  return spawnCollect(node, [CLI, ...args], { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? EXAMPLE }, EXAMPLE);
}

const evaluate = (candidate: string, ...options: string[]) => ["evaluate", "--candidate", candidate, "--baseline", "baseline.json", ...options];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe.each(nodeBinaries())("modelgate CLI bundle on $label", ({ path: node }) => {
  it("prints the command list and exits 0 when given --help", async () => {
    const run = await runCli(node, ["--help"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("Usage: modelgate <command> [options]");
    expect(run.stdout).toMatch(/^ {2}evaluate {3}/m);
    expect(run.stdout).toMatch(/^ {2}demo {7}/m);
  });

  it("prints the evaluate options and exits 0 when given evaluate --help", async () => {
    const run = await runCli(node, ["evaluate", "--help"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("Usage: modelgate evaluate --candidate FILE");
    for (const option of ["--candidate", "--baseline", "--policy", "--key", "--format", "--fail-on"]) expect(run.stdout).toContain(option);
  });

  it("exits 2 and names the command when the command is unknown", async () => {
    const run = await runCli(node, ["frobnicate"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain("Usage: modelgate <command>");
  });

  it("exits 2 with the evaluate usage when --candidate is missing", async () => {
    const run = await runCli(node, ["evaluate", "--baseline", "baseline.json"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--candidate and --candidate-predictions are both empty");
    expect(run.stderr).toContain("Usage: modelgate evaluate --candidate FILE");
    expect(run.stdout).toBe("");
  });

  it("prints the same result JSON byte for byte on two runs when given --format json", async () => {
    const first = await runCli(node, evaluate("candidate-regressed.json", "--format", "json"));
    const second = await runCli(node, evaluate("candidate-regressed.json", "--format", "json"));
    expect(first.exitCode).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ schema: "modelgate.result/v1", action: "evaluate-gate", key: "churn-classifier", verdict: "fail" });
    expect(result.checks.filter((c: { verdict: string }) => c.verdict === "fail").map((c: { name: string }) => c.name)).toEqual([
      "accuracy:max-regression",
      "auc:min-improvement",
      "latency_p95_ms:max-regression-pct",
    ]);
    const better = JSON.parse((await runCli(node, evaluate("candidate-better.json", "--format", "json"))).stdout);
    expect(better.verdict).toBe("pass");
  });

  it("prints the markdown report of the result JSON when given --format markdown", async () => {
    const run = await runCli(node, evaluate("candidate-regressed.json", "--format", "markdown"));
    expect(run.exitCode).toBe(1);
    expect(run.stdout.startsWith("### ❌ fail · evaluate-gate · churn-classifier\n")).toBe(true);
    expect(run.stdout).toContain("| accuracy | 0.912 | 0.889 | -0.023 | -2.52% | max-regression 0.01 | ❌ fail |");
    const json = await runCli(node, evaluate("candidate-regressed.json", "--format", "json"));
    expect(JSON.parse(json.stdout).report_markdown).toBe(run.stdout);
  });

  it("exits 1 for the regressed example candidate and 0 for the better one", async () => {
    const regressed = await runCli(node, evaluate("candidate-regressed.json"));
    expect(regressed.exitCode).toBe(1);
    expect(regressed.stdout).toMatch(/churn-classifier: FAIL/);
    const better = await runCli(node, evaluate("candidate-better.json"));
    expect(better.exitCode).toBe(0);
    expect(better.stdout).toMatch(/churn-classifier: PASS/);
  });

  it("exits 0 on a fail verdict when given --fail-on never", async () => {
    const run = await runCli(node, evaluate("candidate-regressed.json", "--fail-on", "never", "--format", "json"));
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).verdict).toBe("fail");
  });

  it("computes metrics from predictions with the action's column inputs when given --candidate-predictions", async () => {
    const policy = path.join(mkdtempSync(path.join(tmpdir(), "mg-cli-")), "modelgate.yml");
    writeFileSync(policy, "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.75 }\n    roc_auc: { direction: higher, min: 0.83 }\n");
    const run = await runCli(node, [
      "evaluate",
      "--policy", policy,
      "--candidate-predictions", PREDICTIONS,
      "--label-column", "y_true",
      "--prediction-column", "candidate_pred",
      "--score-column", "candidate_score",
      "--format", "json",
    ]);
    const result = JSON.parse(run.stdout);
    // scikit-learn's values for the oracle's candidate (test/unit/stats/fixtures/reference-values.json).
    expect(result.checks.find((c: { name: string }) => c.name === "accuracy:min").value).toBeCloseTo(0.755, 12);
    expect(result.checks.find((c: { name: string }) => c.name === "roc_auc:min").value).toBeCloseTo(0.8277510987287737, 12);
    expect(result.verdict).toBe("fail");
    expect(run.exitCode).toBe(1);
  });

  it("exits 2 naming the flag when --threshold is outside [0, 1]", async () => {
    const run = await runCli(node, ["evaluate", "--candidate-predictions", PREDICTIONS, "--threshold", "1.5"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--threshold is "1.5": allowed: a number from 0 to 1');
  });

  it("exits 1 with a message naming the file and its fix when the candidate does not exist", async () => {
    const run = await runCli(node, evaluate("no-such-candidate.json"));
    expect(run.exitCode).toBe(1);
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain('Input "candidate": no-such-candidate.json does not exist');
    expect(output).toMatch(/^Fix: \S/m);
    expect(output).not.toMatch(/^\s+at \S/m);
  });

  it("shows failing, passing, noise and significant candidates and exits 0 when running demo", async () => {
    const run = await runCli(node, ["demo"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("candidate-regressed.json: fail");
    expect(run.stdout).toContain("candidate-better.json: pass");
    expect(run.stdout).toContain("predictions/candidate-noise.csv: warn (the merge may proceed)");
    expect(run.stdout).toContain("predictions/candidate-regressed.csv: fail");
    expect(run.stdout).toMatch(/FAIL roc_auc:max-regression: Ruled out at 97\.5% one-sided confidence/);
    expect(run.stdout).toMatch(/FAIL {2}region=west {2}n=1020/);
    expect(run.stdout).toContain("v0.2.0 -> v0.1.0 (artifacts verified): churn-classifier#prod!#3, churn-classifier#prod#4");
    expect(run.stdout).toContain("churn-classifier: event chain intact");
    expect(run.stderr).toBe("");
  });
});

describe("modelgate CLI bundle", () => {
  it("is the file package.json's bin points at", () => {
    const { bin } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(path.join(repoRoot, bin.modelgate!)).toBe(CLI);
  });
});
