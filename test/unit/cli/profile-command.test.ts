import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../../support/run-cli-in-process.js";

// profile build loads the policy's reader only for --policy, and profile merge its profile reader only for a merge:
// each path still reads, checks and applies what it is given.
const dir = mkdtempSync(path.join(tmpdir(), "modelgate-profile-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "data.csv"), "code,x\n1,0.5\n2,1.5\n1,2.5\n");
writeFileSync(path.join(dir, "other.csv"), "code,x\n3,4.5\n");

const build = (...args: string[]) => runCliInProcess(["profile", "build", ...args], dir);
const columnKinds = (file: string) =>
  Object.fromEntries(
    (
      JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { columns: { name: string; kind: string }[] }
    ).columns.map((column) => [column.name, column.kind]),
  );

describe("modelgate profile", () => {
  it("build reads a column as the --policy's data schema declares it, and as the file holds it without one", async () => {
    writeFileSync(path.join(dir, "policy.yml"), "version: 1\ndata:\n  schema:\n    code: { type: category }\n");
    const plain = await build("data.csv", "--output", "plain.json");
    expect(plain).toEqual({ exitCode: 0, stdout: "wrote plain.json: 3 rows, 1 shard, 2 columns\n", stderr: "" });
    expect(columnKinds("plain.json")).toEqual({ code: "number", x: "number" });
    const typed = await build("data.csv", "--policy", "policy.yml", "--output", "typed.json");
    expect(typed.exitCode, typed.stderr).toBe(0);
    expect(columnKinds("typed.json")).toEqual({ code: "string", x: "number" });
  });

  it("build refuses a --policy its schema rejects, naming the file and the key, before reading the data", async () => {
    writeFileSync(path.join(dir, "bad.yml"), "version: 1\ndata:\n  schema:\n    code: { type: colour }\n");
    const run = await build("missing.csv", "--policy", "bad.yml");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^modelgate profile: bad\.yml /);
    expect(run.stderr).toContain("data.schema.code.type");
    expect(run.stderr).not.toContain("missing.csv");
  });

  it("build applies the --policy's limits, which a --limit flag overrides", async () => {
    writeFileSync(path.join(dir, "limits.yml"), "version: 1\nlimits:\n  columns: 1\n");
    const refused = await build("data.csv", "--policy", "limits.yml");
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("columns");
    const raised = await build("data.csv", "--policy", "limits.yml", "--limit", "columns=2", "--output", "l.json");
    expect(raised.exitCode, raised.stderr).toBe(0);
  });

  it("merge reads and checks each profile and writes their merge", async () => {
    await build("other.csv", "--output", "other.json");
    const merged = await runCliInProcess(["profile", "merge", "plain.json", "other.json"], dir);
    expect(merged.exitCode, merged.stderr).toBe(0);
    const profile = JSON.parse(merged.stdout) as { rows: number; shards: { file: string; rows: number }[] };
    expect(profile.rows).toBe(4);
    expect(profile.shards.map(({ file, rows }) => `${file} ${rows}`).sort()).toEqual(["data.csv 3", "other.csv 1"]);
    writeFileSync(path.join(dir, "broken.json"), '{"schema":"modelgate.profile/v1"}');
    const refused = await runCliInProcess(["profile", "merge", "plain.json", "broken.json"], dir);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("broken.json does not match modelgate.profile/v1");
  });
});
