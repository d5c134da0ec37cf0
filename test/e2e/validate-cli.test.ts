import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "../../shared/src/policy/parse-policy.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const DATA = path.join(repoRoot, "shared/examples/churn/data");

const runCli = (node: string, args: string[], cwd = DATA) => spawnCollect(node, [CLI, ...args], { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? DATA }, cwd);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe.each(nodeBinaries())("modelgate validate / infer-schema on $label", ({ path: node }) => {
  it("validate prints the action's result JSON and exits 1 on a drifted batch, 0 on a clean one", async () => {
    const drifted = await runCli(node, ["validate", "--data", "batch-drifted.csv", "--reference", "reference.csv", "--format", "json"]);
    expect(drifted.exitCode).toBe(1);
    const result = JSON.parse(drifted.stdout);
    expect(result).toMatchObject({ schema: "modelgate.result/v1", action: "validate-data", key: "churn-features", verdict: "fail" });
    expect(result.drift.drifted_columns).toEqual(["monthly_charges", "plan"]);
    const clean = await runCli(node, ["validate", "--data", "batch-clean.csv", "--reference", "reference.csv"]);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toMatch(/^validate-data · churn-features: PASS/);
  });

  it("validate exits 1 with file, line and fix for unreadable data, and 2 on a usage error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mg-cli-"));
    writeFileSync(path.join(dir, "semi.csv"), "a;b\n1;2\n");
    writeFileSync(path.join(dir, "modelgate.yml"), "version: 1\n");
    const bad = await runCli(node, ["validate", "--data", "semi.csv", "--format", "json"], dir);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout).error.message).toContain("semi.csv line 1 (the header) looks separated by");
    const usage = await runCli(node, ["validate", "--reference", "reference.csv"]);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain("--data");
  });

  it("infer-schema prints a data: section that the policy schema accepts", async () => {
    const run = await runCli(node, ["infer-schema", "reference.csv"]);
    expect(run.exitCode).toBe(0);
    const policy = parsePolicy(`version: 1\n${run.stdout}`, "inferred.yml");
    expect(policy.data!.schema["customer_id"]).toMatchObject({ type: "integer", nullable: false, unique: true });
    expect(policy.data!.schema["plan"]).toEqual({ type: "category", nullable: false, allowed: ["basic", "pro", "team"] });
    expect(policy.data!.columns).toBe("exact");
  });
});
