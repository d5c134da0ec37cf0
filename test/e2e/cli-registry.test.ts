import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../shared/src/data/digest.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";
import { makeTrainWorkspace } from "./support/train-workspace.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const node = nodeBinaries()[0]!.path;
const TRAIN = ["train", "--seed", "0", "--inputs", "customers.csv", "--inputs", "train.mjs", "--params", "params.json", "--outputs", "out/model.json", "--metrics", "out/metrics.json", "--format", "json", "--", "node", "train.mjs"];
const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.invalid", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.invalid" };

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

/** The example trainer in a real git repository, trained once by `modelgate train`, whose result JSON is kept. */
async function trainedRepository() {
  const workspace = makeTrainWorkspace();
  const env = { PATH: process.env.PATH ?? "", HOME: workspace, ...GIT_ENV };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: workspace, env });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "trainer");
  const train = await spawnCollect(node, [CLI, ...TRAIN], env, workspace);
  expect(train.exitCode, train.stderr).toBe(0);
  writeFileSync(path.join(workspace, "train-result.json"), train.stdout);
  const cli = (...args: string[]) => spawnCollect(node, [CLI, ...args], { ...env, USER: "octocat" }, workspace);
  return { workspace, cli, git };
}

const PROMOTE = ["promote", "--model", "churn", "--stage", "prod", "--artifacts", "out/model.json", "--manifest", "modelgate.manifest.json", "--results", "train-result.json"];

describe("modelgate promote / rollback / registry on a local git repository (CLI bundle)", () => {
  it("promotes on train's own evidence, refuses a swapped model, rolls back with verified digests, and reads the history back", async () => {
    const { workspace, cli, git } = await trainedRepository();
    const first = await cli(...PROMOTE, "--version", "1.0.0", "--reason", "first", "--format", "json");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const promoted = JSON.parse(first.stdout);
    expect(promoted.promotion).toMatchObject({ version: "v1.0.0", event_tag: "churn#prod#1", version_created: true });
    expect(promoted.checks.map((c: { name: string; verdict: string }) => `${c.name} ${c.verdict}`)).toEqual([
      "gate:train-reproducibly/default pass",
      "subject:train-reproducibly/default pass",
      "manifest:model.json pass",
    ]);
    expect(promoted.promotion.artifacts.find((a: { name: string }) => a.name === "model.json").sha256).toBe(sha256Hex(readFileSync(path.join(workspace, "out/model.json"))));

    // The same version again is a no-op; a model file swapped after training is refused, and nothing is written.
    expect((await cli(...PROMOTE, "--version", "1.0.0")).stdout).toContain("already in prod");
    const model = path.join(workspace, "out/model.json");
    const original = readFileSync(model);
    writeFileSync(model, "{}");
    const swapped = await cli(...PROMOTE, "--bump", "minor");
    expect(swapped.exitCode).toBe(1);
    expect(swapped.stdout).toContain("REFUSED");
    expect(swapped.stdout).toMatch(/FAIL model\.json \[manifest-digest\] Artifact model\.json is sha256:/);
    writeFileSync(model, original);

    // The same files as a second version on the same commit: refused, one version per commit (GTO's rule) ...
    const sameCommit = await cli(...PROMOTE, "--version", "1.1.0");
    expect(sameCommit.exitCode).toBe(1);
    expect(sameCommit.stdout + sameCommit.stderr).toMatch(/already carries churn v1\.0\.0, and a commit carries one version of a model, as GTO requires/);
    // ... so commit what changed, and promote that commit; then back.
    git("commit", "-q", "--allow-empty", "-m", "data pointer moved");
    const second = await cli(...PROMOTE, "--version", "1.1.0", "--format", "json");
    expect(JSON.parse(second.stdout).promotion).toMatchObject({ event_tag: "churn#prod#2", previous_version: "v1.0.0" });
    const back = await cli("rollback", "--model", "churn", "--stage", "prod", "--reason", "latency doubled");
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toContain("rollback · churn prod: v1.1.0 -> v1.0.0");
    expect(back.stdout).toMatch(/PASS v1\.0\.0 \[artifact-digests\] The 2 artifacts of v1\.0\.0 \(model\.json, modelgate\.manifest\.json\)/);

    const history = await cli("registry", "history", "churn", "--stage", "prod");
    expect(history.stdout.trim().split("\n").slice(1).map((line) => line.trim().split(/\s+/).slice(0, 4).join(" "))).toEqual([
      "#1 prod promote v1.0.0",
      "#2 prod promote v1.1.0",
      "#3 prod unassign v1.1.0",
      "#4 prod rollback v1.0.0",
    ]);
    const verified = await cli("registry", "verify", "churn");
    expect(verified.exitCode, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toBe("churn: intact (4 event(s), 2 version(s), 4 artifact(s): event chain linked, stored artifacts match their records)\n");
  }, 120_000);

  it("refuses to promote without evidence unless told to, and names the flag", async () => {
    const { cli } = await trainedRepository();
    const none = await cli("promote", "--model", "churn", "--stage", "prod", "--version", "1.0.0", "--artifacts", "out/model.json", "--manifest", "modelgate.manifest.json");
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("give --results");
    const ungated = await cli("promote", "--model", "churn", "--stage", "prod", "--version", "1.0.0", "--artifacts", "out/model.json", "--manifest", "modelgate.manifest.json", "--allow-ungated", "--format", "json");
    expect(ungated.exitCode, ungated.stderr).toBe(0);
    expect(JSON.parse(ungated.stdout).notes).toContain("Promoted without gate evidence (allow-ungated): the record's gates are empty.");
    const badVersion = await cli(...PROMOTE, "--version", "1.x");
    expect(badVersion.exitCode).toBe(1);
    expect(badVersion.stdout + badVersion.stderr).toContain('"1.x", which is not a semantic version');
  }, 120_000);
});
