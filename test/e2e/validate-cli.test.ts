import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "../../shared/src/policy/parse-policy.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const DATA = path.join(repoRoot, "shared/examples/churn/data");

const runCli = (node: string, args: string[], cwd = DATA) =>
  spawnCollect(node, [CLI, ...args], { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? DATA }, cwd);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe.each(nodeBinaries())("modelgate validate / infer-schema on $label", ({ path: node }) => {
  it("validate prints the action's result JSON and exits 1 on a drifted batch, 0 on a clean one", async () => {
    const drifted = await runCli(node, [
      "validate",
      "--data",
      "batch-drifted.csv",
      "--reference",
      "reference.csv",
      "--format",
      "json",
    ]);
    expect(drifted.exitCode).toBe(1);
    const result = JSON.parse(drifted.stdout);
    expect(result).toMatchObject({
      schema: "modelgate.result/v1",
      action: "validate-data",
      key: "churn-features",
      verdict: "fail",
    });
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

  it("infer-schema and profile build take --limit: a refusal names the flag, a bad one is a usage error", async () => {
    const refused = await runCli(node, ["infer-schema", "--limit", "rows=100", "batch-clean.csv"]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      "batch-clean.csv has more than 100 data rows, the rows limit (reading stopped at row 101).",
    );
    expect(refused.stderr).toContain("Raise --limit rows=…");
    const raised = await runCli(node, ["infer-schema", "--limit", "rows=20000", "batch-clean.csv"]);
    expect(raised.exitCode).toBe(0);
    const bad = await runCli(node, ["infer-schema", "--limit", "cells=5", "batch-clean.csv"]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("the limits are rows, columns, bytes, memory");
    // profile build holds no row: the rows limit does not bound it.
    const dir = mkdtempSync(path.join(tmpdir(), "mg-limit-"));
    const built = await runCli(node, [
      "profile",
      "build",
      "--limit",
      "rows=100",
      path.join(DATA, "batch-clean.csv"),
      "--output",
      path.join(dir, "p.json"),
    ]);
    expect(built.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "p.json"), "utf8")).rows).toBe(1500);
  });

  it("profiles shards, merges them in any order to the same bytes, and judges drift on the merged profile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mg-profile-"));
    const [header, ...rows] = readFileSync(path.join(DATA, "batch-drifted.csv"), "utf8").trimEnd().split("\n");
    const third = Math.ceil(rows.length / 3);
    for (let i = 0; i < 3; i++) {
      writeFileSync(
        path.join(dir, `part-${i}.csv`),
        `${header}\n${rows.slice(i * third, (i + 1) * third).join("\n")}\n`,
      );
      const built = await runCli(
        node,
        ["profile", "build", `part-${i}.csv`, "--output", `part-${i}.profile.json`],
        dir,
      );
      expect(built.exitCode, built.stderr).toBe(0);
    }
    const merged = await runCli(
      node,
      [
        "profile",
        "merge",
        "part-2.profile.json",
        "part-0.profile.json",
        "part-1.profile.json",
        "--output",
        "merged.profile.json",
      ],
      dir,
    );
    expect(merged.stdout).toBe(
      `wrote merged.profile.json: ${rows.length} rows, 3 shards, ${header!.split(",").length} columns\n`,
    );
    const again = await runCli(
      node,
      ["profile", "merge", "part-0.profile.json", "part-1.profile.json", "part-2.profile.json"],
      dir,
    );
    expect(again.stdout).toBe(readFileSync(path.join(dir, "merged.profile.json"), "utf8"));
    const twice = await runCli(node, ["profile", "merge", "part-0.profile.json", "part-0.profile.json"], dir);
    expect(twice.exitCode).toBe(1);
    expect(twice.stdout + twice.stderr).toContain("its rows would count twice");

    const drift = await runCli(node, [
      "validate",
      "--data",
      path.join(dir, "merged.profile.json"),
      "--reference",
      "reference.csv",
      "--format",
      "json",
    ]);
    // On profiles only drift is judged (the batch's missing charges are schema failures, caught per shard): the
    // policy's on-column-drift is warn.
    expect(drift.exitCode).toBe(0);
    const result = JSON.parse(drift.stdout);
    expect(result.verdict).toBe("warn");
    expect(result.data).toMatchObject({ format: "profile", rows: rows.length });
    expect(result.drift.drifted_columns).toEqual(expect.arrayContaining(["monthly_charges", "plan"]));
    expect(result.notes.join(" ")).toContain("Drift judged on profiles");
  });

  it("infer-schema prints a data: section that the policy schema accepts", async () => {
    const run = await runCli(node, ["infer-schema", "reference.csv"]);
    expect(run.exitCode).toBe(0);
    const policy = parsePolicy(`version: 1\n${run.stdout}`, "inferred.yml");
    expect(policy.data!.schema["customer_id"]).toMatchObject({ type: "integer", nullable: false, unique: true });
    expect(policy.data!.schema["plan"]).toEqual({
      type: "category",
      nullable: false,
      allowed: ["basic", "pro", "team"],
    });
    expect(policy.data!.columns).toBe("exact");
  });
});
