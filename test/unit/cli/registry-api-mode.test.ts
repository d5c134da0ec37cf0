import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { promoteCommand } from "../../../shared/src/cli/promote-command.js";
import { registryCommand } from "../../../shared/src/cli/registry-command.js";
import { rollbackCommand } from "../../../shared/src/cli/rollback-command.js";
import { minorBumpArgs } from "./promote-args.js";
import { useGitHubStandIn } from "../../support/github-stand-in/use-github-stand-in.js";

const api = useGitHubStandIn();
const COMMITS = ["1".repeat(40), "2".repeat(40)];
let dir: string;
let printed: string[];
const savedEnv = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "modelgate-cli-api-"));
  process.env.GITHUB_API_URL = api().url;
  process.env.GITHUB_TOKEN = "ghs_test_write";
  printed = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  rmSync(dir, { recursive: true, force: true });
});

const output = () => printed.splice(0).join("");

describe("modelgate promote / rollback / registry with --repo (through the GitHub API)", () => {
  it("promotes twice, rolls back and reads the history and chain back from the repository", async () => {
    for (const sha of COMMITS) api().seedCommit("acme", "models", sha);
    const model = path.join(dir, "model.bin");
    const promote = (ref: string) => promoteCommand.run([...minorBumpArgs(model, ref), "--repo", "acme/models"]);
    writeFileSync(model, "weights one");
    expect(await promote(COMMITS[0]!)).toBe(0);
    writeFileSync(model, "weights two");
    expect(await promote(COMMITS[1]!)).toBe(0);
    expect(
      output()
        .split("\n")
        .filter((line) => line.startsWith("promote")),
    ).toEqual(["promote · churn: v0.1.0 -> prod (churn#prod#1)", "promote · churn: v0.2.0 -> prod (churn#prod#2)"]);
    expect(
      await rollbackCommand.run([
        "--model",
        "churn",
        "--stage",
        "prod",
        "--reason",
        "p95 latency",
        "--actor",
        "bo",
        "--repo",
        "acme/models",
      ]),
    ).toBe(0);
    expect(output()).toMatch(/^rollback · churn prod: v0\.2\.0 -> v0\.1\.0\n/);
    expect(await registryCommand.run(["verify", "--repo", "acme/models"])).toBe(0);
    expect(await registryCommand.run(["list", "--repo", "acme/models"])).toBe(0);
    expect(output()).toMatch(/churn\n$/);
    expect(api().violations).toEqual([]);
  }, 120_000);

  it("asks for a token and for owner/name before any request", async () => {
    delete process.env.GITHUB_TOKEN;
    delete process.env.GH_TOKEN;
    await expect(registryCommand.run(["list", "--repo", "acme/models"])).rejects.toThrow(
      /needs a GitHub token, and neither GITHUB_TOKEN nor GH_TOKEN is set/,
    );
    process.env.GITHUB_TOKEN = "ghs_test_write";
    await expect(registryCommand.run(["list", "--repo", "acme"])).rejects.toThrow(
      /--repo is "acme"; it must be owner\/name/,
    );
    expect(api().requests).toEqual([]);
  });
});
