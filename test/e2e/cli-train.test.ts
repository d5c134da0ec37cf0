import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../shared/src/data/digest.js";
import type { Manifest } from "../../shared/src/lineage/manifest.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";
import { makeTrainWorkspace } from "./support/train-workspace.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const node = nodeBinaries()[0]!.path;
const TRAIN = ["train", "--seed", "0", "--inputs", "customers.csv", "--inputs", "train.mjs", "--params", "params.json", "--outputs", "out/model.json", "--metrics", "out/metrics.json"];

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe("modelgate train (CLI bundle)", () => {
  it("writes the same manifest as the action: the lineage digest repeats and the output digest is the file's", async () => {
    const workspace = makeTrainWorkspace();
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? workspace };
    const first = await spawnCollect(node, [CLI, ...TRAIN, "--format", "json", "--", "node", "train.mjs"], env, workspace);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toContain("trained 20 epochs with seed 0");
    const manifest = JSON.parse(readFileSync(path.join(workspace, "modelgate.manifest.json"), "utf8")) as Manifest;
    expect(manifest.command.argv).toEqual(["node", "train.mjs"]);
    expect(manifest.outputs[0]!.sha256).toBe(sha256Hex(readFileSync(path.join(workspace, "out/model.json"))));
    const second = await spawnCollect(node, [CLI, ...TRAIN, "--format", "json", "--", "node", "train.mjs"], env, workspace);
    expect((JSON.parse(second.stdout) as { manifest: Manifest }).manifest.lineage_sha256).toBe(manifest.lineage_sha256);
  });

  it("exits 1 and names the differing output when --verify-runs catches a non-repeatable run", async () => {
    const workspace = makeTrainWorkspace();
    const run = await spawnCollect(node, [CLI, ...TRAIN, "--verify-runs", "2", "--", "node", "train.mjs", "--unseeded"], { PATH: process.env.PATH ?? "" }, workspace);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("FAIL out/model.json:repeatable: out/model.json differs between runs");
  });

  it("exits 2 naming the flag when --verify-runs is 1 or the command is missing", async () => {
    const workspace = makeTrainWorkspace();
    const one = await spawnCollect(node, [CLI, ...TRAIN, "--verify-runs", "1", "--", "node", "train.mjs"], { PATH: process.env.PATH ?? "" }, workspace);
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain('--verify-runs is "1"');
    const none = await spawnCollect(node, [CLI, ...TRAIN], { PATH: process.env.PATH ?? "" }, workspace);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("no command given");
  });
});
