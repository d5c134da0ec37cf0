import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const EXAMPLE = path.join(repoRoot, "shared/examples/churn");
const LOGS = [
  "--production",
  "shadow/production.csv.gz",
  "--shadow",
  "shadow/shadow.jsonl.gz",
  "--labels",
  "shadow/labels.csv",
  "--slice-columns",
  "country,plan",
];

const runCli = (node: string, args: string[]) =>
  spawnCollect(node, [CLI, ...args], { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? EXAMPLE }, EXAMPLE);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe.each(nodeBinaries())("modelgate shadow on $label", ({ path: node }) => {
  it("prints the action's result JSON for the example's logs, the same for the same seed", async () => {
    const first = await runCli(node, ["shadow", ...LOGS, "--format", "json"]);
    const second = await runCli(node, ["shadow", ...LOGS, "--format", "json"]);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({ schema: "modelgate.result/v1", action: "shadow-compare", key: "churn-classifier" });
    expect(result.summary.requests).toMatchObject({ production: 1500, joined: 1472 });
    expect(first.exitCode).toBe(result.verdict === "fail" ? 1 : 0);
    expect(second.stdout).toBe(first.stdout);
  });

  it("refuses a flag value the action would refuse, with exit 2 and the flag's name", async () => {
    const run = await runCli(node, ["shadow", ...LOGS, "--duplicate-ids", "newest"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--duplicate-ids");
    expect(run.stderr).toContain("allowed: error, first, last");
  });

  it("includes the shadow comparison in the demo", async () => {
    // The demo's reports go to a folder of the test's own, removed after (without --out they stay for the user).
    const out = mkdtempSync(path.join(tmpdir(), "modelgate-cli-shadow-demo-"));
    const run = await runCli(node, ["demo", "--format", "text", "--out", out]).finally(() =>
      rmSync(out, { recursive: true, force: true }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("modelgate shadow --production shadow/production.csv.gz");
    expect(run.stdout).toMatch(/shadow comparison: (pass|warn|fail)/);
  });
});
