import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const EXAMPLE = path.join(repoRoot, "shared/examples/churn/explanations");
const FILES = [
  "--candidate-predictions",
  "candidate-predictions.csv",
  "--baseline-predictions",
  "baseline-predictions.csv",
  "--candidate-explanations",
  "candidate-shap.csv",
  "--baseline-explanations",
  "baseline-shap.csv",
];

const runCli = (node: string, args: string[]) =>
  spawnCollect(node, [CLI, ...args], { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? EXAMPLE }, EXAMPLE);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe.each(nodeBinaries())("modelgate evaluate with explanations on $label", ({ path: node }) => {
  it("prints the result JSON with the explanation summary and exits 1 on the example's failing rules", async () => {
    const run = await runCli(node, ["evaluate", ...FILES, "--format", "json"]);
    expect(run.exitCode).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(
      json.checks.filter((c: { verdict: string }) => c.verdict === "fail").map((c: { name: string }) => c.name),
    ).toEqual(["rank(monthly_charges):max-rank-change", "mean attribution(tenure):sign-stable"]);
    // tenure's attribution turned from −0.5·x to +0.3·x: a sign change. support_calls' grew (0.3·x → 1.1·x + 0.1) but kept its sign.
    expect(json.explanations).toMatchObject({
      top_k: 4,
      only_candidate: ["days_since_login"],
      only_baseline: ["region"],
      sign_flips: ["tenure"],
    });
    expect(json.explanations.changed_predictions.examples).toBeUndefined();
  });

  it("lists the largest changes with --show-examples true, and refuses a value that is not a YAML boolean", async () => {
    const shown = await runCli(node, ["evaluate", ...FILES, "--show-examples", "true", "--format", "markdown"]);
    expect(shown.stdout).toContain("<summary>Largest changed predictions (5)</summary>");
    const refused = await runCli(node, ["evaluate", ...FILES, "--show-examples", "maybe"]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--show-examples is "maybe"');
  });

  it("documents the explanation flags in evaluate --help", async () => {
    const run = await runCli(node, ["evaluate", "--help"]);
    for (const flag of ["--candidate-explanations", "--baseline-explanations", "--show-examples"])
      expect(run.stdout).toContain(flag);
  });
});
