import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  return spawnCollect(
    node,
    [CLI, ...args],
    { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? EXAMPLE },
    EXAMPLE,
  );
}

/** Runs the built CLI with its standard output already closed by the reader, as `modelgate … | head -0` would. */
function runCliIntoClosedPipe(node: string, args: string[]): Promise<{ exitCode: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [CLI, ...args], { cwd: EXAMPLE, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stderr }));
  });
}

const evaluate = (candidate: string, ...options: string[]) => [
  "evaluate",
  "--candidate",
  candidate,
  "--baseline",
  "baseline.json",
  ...options,
];

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
    for (const option of ["--candidate", "--baseline", "--policy", "--key", "--format", "--fail-on"])
      expect(run.stdout).toContain(option);
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
    expect(result).toMatchObject({
      schema: "modelgate.result/v1",
      action: "evaluate-gate",
      key: "churn-classifier",
      verdict: "fail",
    });
    expect(
      result.checks.filter((c: { verdict: string }) => c.verdict === "fail").map((c: { name: string }) => c.name),
    ).toEqual(["accuracy:max-regression", "auc:min-improvement", "latency_p95_ms:max-regression-pct"]);
    const better = JSON.parse((await runCli(node, evaluate("candidate-better.json", "--format", "json"))).stdout);
    expect(better.verdict).toBe("pass");
  });

  it("prints the markdown report of the result JSON when given --format markdown", async () => {
    const run = await runCli(node, evaluate("candidate-regressed.json", "--format", "markdown"));
    expect(run.exitCode).toBe(1);
    expect(run.stdout.startsWith("### ❌ fail · evaluate-gate · churn-classifier\n")).toBe(true);
    expect(run.stdout).toContain("| ❌ fail | accuracy | 0.912 | 0.889 | -0.023 | -2.522% | max-regression 0.01 |");
    const json = await runCli(node, evaluate("candidate-regressed.json", "--format", "json"));
    expect(JSON.parse(json.stdout).report_markdown).toBe(run.stdout);
  });

  it("decides and exits with the gate's code, without a stack trace, when the reader closed its output", async () => {
    const regressed = await runCliIntoClosedPipe(node, evaluate("candidate-regressed.json", "--format", "markdown"));
    expect(regressed.stderr).not.toMatch(/EPIPE|node:events|Error:/);
    expect(regressed.exitCode).toBe(1);
    const better = await runCliIntoClosedPipe(node, evaluate("candidate-better.json", "--format", "markdown"));
    expect(better.stderr).not.toMatch(/EPIPE|node:events|Error:/);
    expect(better.exitCode).toBe(0);
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
    writeFileSync(
      policy,
      "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.75 }\n    roc_auc: { direction: higher, min: 0.83 }\n",
    );
    const run = await runCli(node, [
      "evaluate",
      "--policy",
      policy,
      "--candidate-predictions",
      PREDICTIONS,
      "--label-column",
      "y_true",
      "--prediction-column",
      "candidate_pred",
      "--score-column",
      "candidate_score",
      "--format",
      "json",
    ]);
    const result = JSON.parse(run.stdout);
    // scikit-learn's values for the oracle's candidate (test/unit/stats/fixtures/reference-values.json).
    expect(result.checks.find((c: { name: string }) => c.name === "accuracy:min").value).toBeCloseTo(0.755, 12);
    expect(result.checks.find((c: { name: string }) => c.name === "roc_auc:min").value).toBeCloseTo(
      0.8277510987287737,
      12,
    );
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
    const out = mkdtempSync(path.join(tmpdir(), "modelgate-demo-out-"));
    // Its own temporary folder, to see that the demo leaves none of its scratch folders behind.
    const scratch = mkdtempSync(path.join(tmpdir(), "modelgate-demo-tmp-"));
    const run = await spawnCollect(
      node,
      [CLI, "demo", "--out", out],
      { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? EXAMPLE, TMPDIR: scratch },
      EXAMPLE,
    );
    expect(run.exitCode).toBe(0);
    expect(readdirSync(scratch)).toEqual([]);
    rmSync(scratch, { recursive: true });
    expect(run.stdout).toContain("candidate-regressed.json: fail");
    expect(run.stdout).toContain("candidate-better.json: pass");
    expect(run.stdout).toContain("predictions/candidate-noise.csv: warn (the merge may proceed)");
    expect(run.stdout).toContain("predictions/candidate-regressed.csv: fail");
    // The slice search finds the regressed region without being told, and warns.
    expect(run.stdout).toMatch(
      /slices found automatically \(2 regressed beyond the margin\), worst first:\n {2}WARN {2}region=west {2}n=1020 {2}accuracy 0\.7745 → 0\.6951 \(-0\.07941\) {2}adjusted p \d(\.\d+)?e-4/,
    );
    expect(run.stdout).toMatch(/FAIL +roc_auc .*max-regression 0\.01\n +why: Ruled out at 97\.5% one-sided confidence/);
    expect(run.stdout).toMatch(/FAIL {2}region=west {2}n=1020/);
    // Fairness regressions judged against noise: the retrain's gap moved by chance, the rural model's really.
    expect(run.stdout).toContain("bias-check on predictions-retrain.csv: warn");
    expect(run.stdout).toContain("bias-check on predictions-rural.csv: fail");
    expect(run.stdout).toMatch(
      /WARN demographic_parity_difference \[region\]: change \+0\.0164\d*, interval \[-0\.0\d+, \+0\.0\d+\], allowed 0\.01, .* → inconclusive → warn/,
    );
    expect(run.stdout).toMatch(
      /FAIL demographic_parity_difference \[region\]: change \+0\.14\d*, interval \[\+0\.05\d+, \+0\.18\d*\], allowed 0\.01, .* → real regression/,
    );
    // The registry runs on the gates' evidence: the failed candidate is refused, the better one promoted.
    expect(run.stdout).toContain("promote candidate-regressed.json: fail (refused; nothing written)");
    expect(run.stdout).toContain("promote candidate-better.json: pass (v0.2.0 in prod)");
    expect(run.stdout).toContain("rollback of prod: pass (v0.2.0 -> v0.1.0, artifacts verified)");
    expect(run.stdout).toContain("churn-classifier: event chain intact");
    // Four versions promoted to production, then the next candidate's history: it passes against production (v1.3.0)
    // and fails the median rule; the version without an evaluation-data digest is listed apart.
    expect(run.stdout).toContain("  pass: v1.3.0 in production");
    expect(run.stdout).toContain("history/candidate.json: fail (the merge is blocked: exit 1 in CI)");
    expect(run.stdout).toMatch(
      /#### History of production: last 3 of 5 comparable versions \(evaluation data sha256:[0-9a-f]{12}\)\n\n\| metric \| v1\.1\.0 \| v1\.2\.0 \| v1\.3\.0 \| median \| candidate \| trend \| median rule \|/,
    );
    expect(run.stdout).toContain(
      "| auc | 0.948 | 0.944 | 0.939 | 0.944 | 0.932 | █▆▄▁ | fail (at most 0.01 worse than the median) |",
    );
    // The shortfall is said once per report, among its notes: the terminal's and the comment's.
    const shortfall = "Only 3 of the 4 versions that held production are comparable; the history asks for 5.";
    expect(run.stdout).toContain(`> History: ${shortfall}`);
    expect(run.stdout).toContain(`note: History: ${shortfall}`);
    expect(run.stdout.split(shortfall)).toHaveLength(3);
    expect(run.stdout).toContain("- v1.0.0: no digest of its evaluation data was recorded");
    expect(run.stdout).toContain(
      "why: auc 0.932 is 0.012 below the median 0.944 of the last 3 comparable versions; at most 0.01 is allowed.",
    );
    // The story line prints the figure the gate computed, and the example's README quotes that same figure.
    const figure = /why: auc [\d.]+ is ([\d.]+) below the median/.exec(run.stdout)?.[1];
    const story = `within 0.01 of production, but ${figure} AUC below the median of the versions production held`;
    expect(run.stdout).toContain(`━━━ the next candidate: ${story}`);
    expect(readFileSync(path.join(EXAMPLE, "README.md"), "utf8")).toContain(
      `within 0.01 of production (v1.3), but ${figure} AUC below the median of the versions production held`,
    );
    // Every plot the reports carry: curves, confusion and reliability; regression; drifted columns; shadow.
    for (const plots of [
      "Plots: ROC, precision–recall, confusion matrices, reliability",
      "Plots: residuals, predicted vs actual by decile",
      "Plots: reference vs current of 2 drifted columns",
      "Plots: score distributions, latency percentiles",
    ]) {
      expect(run.stdout).toContain(`<details><summary>${plots}</summary>`);
    }
    expect(run.stdout).toContain("regression/candidate.csv: pass");
    expect(run.stdout.trimEnd().split("\n").slice(-2)).toEqual([
      `The 19 reports the actions would post (markdown and result JSON, with an index README.md): ${out}`,
      `Open them as GitHub shows them, in one page that opens offline in any browser: ${path.join(out, "preview.html")}`,
    ]);
    expect(run.stderr).toBe("");
  });

  it("writes every report an action would post to the folder, the same on every run", async () => {
    const [first, second] = [
      mkdtempSync(path.join(tmpdir(), "modelgate-demo-a-")),
      mkdtempSync(path.join(tmpdir(), "modelgate-demo-b-")),
    ];
    for (const out of [first, second])
      expect((await runCli(node, ["demo", "--format", "text", "--out", out])).exitCode).toBe(0);
    const files = readdirSync(first).sort();
    expect(readdirSync(second).sort()).toEqual(files);
    expect(files).toContain("preview.html");
    const reports = files.filter((file) => file.endsWith(".md") && file !== "README.md");
    expect(reports).toHaveLength(19);
    // One markdown report and one result JSON per run of a gate, in the pipeline's order, with the index listing each verdict.
    const action = (file: string) =>
      (JSON.parse(readFileSync(path.join(first, file.replace(/\.md$/, ".json")), "utf8")) as { action: string }).action;
    expect(reports.map(action)).toEqual([
      "validate-data",
      "validate-data",
      "train-reproducibly",
      "train-reproducibly",
      "evaluate-gate",
      "evaluate-gate",
      "evaluate-gate",
      "evaluate-gate",
      "evaluate-gate",
      "evaluate-gate",
      "bias-check",
      "bias-check",
      "bias-check",
      "shadow-compare",
      "promote",
      "promote",
      "promote",
      "rollback",
      "evaluate-gate",
    ]);
    const index = readFileSync(path.join(first, "README.md"), "utf8");
    for (const file of reports) {
      const result = JSON.parse(readFileSync(path.join(first, file.replace(/\.md$/, ".json")), "utf8"));
      expect(result.report_markdown).toBe(readFileSync(path.join(first, file), "utf8"));
      expect(index).toContain(
        `| [${file}](${file}) | ${result.action} | ${({ pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" } as Record<string, string>)[result.verdict]} |`,
      );
    }
    // Byte-identical from run to run, except what cannot be: the unseeded trainer is the demo's example of a run
    // that does not repeat; the seeded run's manifest times itself (volatile, outside its lineage digest); the
    // temporary registry's artifact URIs name its folder, and so the history evaluation's registry baseline digest,
    // which is of the version record holding those URIs, differs (its metrics and everything else do not).
    const comparable = (folder: string, file: string) => {
      const read = readFileSync(path.join(folder, file), "utf8").replace(
        /modelgate-demo-registry-[A-Za-z0-9]+/g,
        "modelgate-demo-registry-X",
      );
      const text = file.includes("evaluate-gate-history")
        ? read.replace(/(baseline_sha256\W+)[0-9a-f]{64}/g, "$1X")
        : read;
      if (!file.includes("train-reproducibly-seeded.json")) return text;
      const json = JSON.parse(text);
      delete json.manifest.volatile;
      return JSON.stringify(json);
    };
    // The preview page shows the unseeded run's report too; renderPreviewPage's own tests check it is deterministic.
    for (const file of files.filter((name) => !name.includes("unseeded") && name !== "preview.html"))
      expect(comparable(second, file), file).toBe(comparable(first, file));
  });
});

describe("modelgate CLI bundle", () => {
  it("is the file package.json's bin points at", () => {
    const { bin } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(path.join(repoRoot, bin.modelgate!)).toBe(CLI);
  });
});
