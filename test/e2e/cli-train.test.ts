import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../shared/src/core/digest.js";
import type { Manifest } from "../../shared/src/lineage/manifest.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";
import { makeTrainWorkspace } from "./support/train-workspace.js";
import { FAKE_PACKAGES_SHA256, fakeInterpreters, script } from "../support/fake-interpreters.js";
import { commitAll } from "../support/git-checkout.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const node = nodeBinaries()[0]!.path;
const TRAIN = [
  "train",
  "--seed",
  "0",
  "--inputs",
  "customers.csv",
  "--inputs",
  "train.mjs",
  "--params",
  "params.json",
  "--outputs",
  "out/model.json",
  "--metrics",
  "out/metrics.json",
];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe("modelgate train (CLI bundle)", () => {
  it("writes the same manifest as the action: the lineage digest repeats and the output digest is the file's", async () => {
    const workspace = makeTrainWorkspace();
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? workspace };
    const first = await spawnCollect(
      node,
      [CLI, ...TRAIN, "--format", "json", "--", "node", "train.mjs"],
      env,
      workspace,
    );
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toContain("trained 20 epochs with seed 0");
    const manifest = JSON.parse(readFileSync(path.join(workspace, "modelgate.manifest.json"), "utf8")) as Manifest;
    expect(manifest.command.argv).toEqual(["node", "train.mjs"]);
    expect(manifest.outputs[0]!.sha256).toBe(sha256Hex(readFileSync(path.join(workspace, "out/model.json"))));
    const second = await spawnCollect(
      node,
      [CLI, ...TRAIN, "--format", "json", "--", "node", "train.mjs"],
      env,
      workspace,
    );
    expect((JSON.parse(second.stdout) as { manifest: Manifest }).manifest.lineage_sha256).toBe(manifest.lineage_sha256);
  });

  it("exits 1 and names the differing output when --verify-runs catches a non-repeatable run", async () => {
    const workspace = makeTrainWorkspace();
    const run = await spawnCollect(
      node,
      [CLI, ...TRAIN, "--verify-runs", "2", "--", "node", "train.mjs", "--unseeded"],
      { PATH: process.env.PATH ?? "" },
      workspace,
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/FAIL +out\/model\.json:repeatable\n +why: out\/model\.json differs between runs/);
  });

  it("exits 2 naming the flag when --verify-runs is 1 or the command is missing", async () => {
    const workspace = makeTrainWorkspace();
    const one = await spawnCollect(
      node,
      [CLI, ...TRAIN, "--verify-runs", "1", "--", "node", "train.mjs"],
      { PATH: process.env.PATH ?? "" },
      workspace,
    );
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain('--verify-runs is "1"');
    const none = await spawnCollect(node, [CLI, ...TRAIN], { PATH: process.env.PATH ?? "" }, workspace);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("no command given");
  });

  it("lists --key and --policy in --help, and names the report after the policy's model unless --key says otherwise", async () => {
    const workspace = makeTrainWorkspace();
    const env = { PATH: process.env.PATH ?? "" };
    const help = await spawnCollect(node, [CLI, "train", "--help"], env, workspace);
    expect(help.stdout).toMatch(/^ {2}--policy FILE .*$/m);
    expect(help.stdout).toMatch(/^ {2}--key KEY .*the policy's model.*$/m);
    writeFileSync(path.join(workspace, "ml.yml"), "version: 1\nmodel: churn-classifier\n");
    const run = (...extra: string[]) =>
      spawnCollect(node, [CLI, ...TRAIN, ...extra, "--format", "json", "--", "node", "train.mjs"], env, workspace);
    const named = await run("--policy", "ml.yml");
    expect(named.exitCode, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({
      key: "churn-classifier",
      policy: { file: "ml.yml", source: "file" },
    });
    expect(JSON.parse((await run("--policy", "ml.yml", "--key", "nightly")).stdout)).toMatchObject({ key: "nightly" });
    expect(JSON.parse((await run()).stdout)).toMatchObject({ key: "default" });
    writeFileSync(path.join(workspace, "ml.yml"), "version: 1\nmodel: [not, a, name]\n");
    const invalid = await run("--policy", "ml.yml");
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stderr).toContain("ml.yml");
  });

  it("shares the lineage between two identical runs in a git checkout, and changes it with an uncommitted edit of the trainer", async () => {
    const workspace = makeTrainWorkspace();
    commitAll(workspace);
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? workspace };
    const run = async () => {
      const result = await spawnCollect(
        node,
        [
          CLI,
          "train",
          "--inputs",
          "customers.csv",
          "--params",
          "params.json",
          "--outputs",
          "out/model.json",
          "--metrics",
          "out/metrics.json",
          "--format",
          "json",
          "--",
          "node",
          "train.mjs",
        ],
        env,
        workspace,
      );
      expect(result.exitCode, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { manifest: Manifest }).manifest;
    };
    const first = await run();
    const second = await run();
    expect(second.lineage_sha256).toBe(first.lineage_sha256);
    expect(second.git.dirty_files).toEqual([]);
    writeFileSync(
      path.join(workspace, "train.mjs"),
      `${readFileSync(path.join(workspace, "train.mjs"), "utf8")}// uncommitted\n`,
    );
    const edited = await run();
    expect(edited.git.dirty_files).toEqual([
      { path: "train.mjs", sha256: sha256Hex(readFileSync(path.join(workspace, "train.mjs"))) },
    ]);
    expect(edited.lineage_sha256).not.toBe(first.lineage_sha256);
  });

  it("exits 1 naming the output when the command did not write it", async () => {
    const workspace = makeTrainWorkspace();
    commitAll(workspace);
    mkdirSync(path.join(workspace, "models"));
    writeFileSync(path.join(workspace, "models/stale.bin"), "an old model");
    utimesSync(
      path.join(workspace, "models/stale.bin"),
      new Date("2020-01-02T00:00:00Z"),
      new Date("2020-01-02T00:00:00Z"),
    );
    const run = await spawnCollect(
      node,
      [CLI, "train", "--outputs", "models/stale.bin", "--", "true"],
      { PATH: process.env.PATH ?? "" },
      workspace,
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /FAIL +outputs:written-by-run\n +why: The command exited 0 but did not write models\/stale\.bin \(2020-01-02T00:00:00\.000Z\), modified before the run started/,
    );
    expect(existsSync(path.join(workspace, "modelgate.manifest.json"))).toBe(false);
  });

  it("records the Python a script's #! line names when the command is the script itself, not the first python3 on PATH", async () => {
    const workspace = makeTrainWorkspace();
    const { first, second } = fakeInterpreters();
    script(workspace, "train.py", `#!${second}/python3`);
    const run = await spawnCollect(
      node,
      [CLI, "train", "--outputs", "out/model.bin", "--format", "json", "--", "./train.py"],
      { PATH: `${first}:${process.env.PATH ?? ""}` },
      workspace,
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(readFileSync(path.join(workspace, "out/model.bin"), "utf8")).toBe(`trained by ${second}/python3\n`);
    const manifest = (JSON.parse(run.stdout) as { manifest: Manifest }).manifest;
    expect(manifest.environment.python).toEqual({
      path: `${second}/python3`,
      executable: `${second}/python3`,
      version: "3.99.2",
      packages: 2,
      packages_sha256: FAKE_PACKAGES_SHA256,
    });
  });
});
