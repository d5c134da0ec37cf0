import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openLocalGitStore } from "../../shared/src/registry/local-git-store.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { CLI, SOAK, expectConsistent, makeBuilds, race, tally } from "./support/registry-race.js";

const node = nodeBinaries()[0]!.path;
const GIT_ENV = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.invalid",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};
const TRIALS = SOAK > 0 ? SOAK : 3;
const SAME_VERSION_WRITERS = SOAK > 0 ? 8 : 4;
const BUMP_WRITERS = SOAK > 0 ? 12 : 8;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

/** A workspace with a git repository of `commits` commits; the registry's artifacts live in its .git. */
function workspaceWithCommits(commits: number) {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-race-"));
  const env = { PATH: process.env.PATH ?? "", HOME: workspace, USER: "racer", ...GIT_ENV };
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: path.join(workspace, "repo"), env, encoding: "utf8" }).trim();
  execFileSync("git", ["init", "-q", path.join(workspace, "repo")], { env });
  const shas = Array.from({ length: commits }, (_, k) => {
    writeFileSync(path.join(workspace, "repo", "data.dvc"), `md5: ${k}\n`);
    git("add", "data.dvc");
    git("commit", "-q", "-m", `data ${k}`);
    return git("rev-parse", "HEAD");
  });
  const store = openLocalGitStore({
    repoDir: path.join(workspace, "repo"),
    assetDir: path.join(workspace, "repo", ".git", "modelgate", "artifacts"),
    env,
  });
  return { workspace, env, shas, store };
}

const promoteArgs = (model: string, file: string, extra: string[]) => [
  "promote",
  "--model",
  model,
  "--stage",
  "prod",
  "--artifacts",
  file,
  "--allow-ungated",
  "--allow-missing-manifest",
  "--repo-dir",
  "repo",
  ...extra,
];

describe("racing modelgate promote processes on one local git repository", () => {
  it(`${SAME_VERSION_WRITERS} writers of different builds on one version: one wins, the others write nothing, the stored build is the winner's (${TRIALS} trials)`, async () => {
    const { workspace, env, shas, store } = workspaceWithCommits(1);
    for (let trial = 0; trial < TRIALS; trial++) {
      const model = `churn-${trial}`;
      const builds = makeBuilds(workspace, model, SAME_VERSION_WRITERS);
      const writers = await race(
        node,
        workspace,
        env,
        builds.map((build) => promoteArgs(model, build.file, ["--version", "1.0.0", "--ref", shas[0]!])),
        builds,
      );
      const counts = tally(writers);
      console.log(
        `local same-version trial ${trial + 1}: ${SAME_VERSION_WRITERS} writers -> ${JSON.stringify(counts)}`,
      );
      expect(counts.won, writers.map((writer) => writer.stderr).join("\n")).toBe(1);
      expect(counts.other, writers.map((writer) => writer.stderr).join("\n")).toBe(0);
      await expectConsistent(store, model, writers);
    }
  }, 240_000);

  it(`${BUMP_WRITERS} writers bumping patch from builds of different commits: each gets its own version holding its own build (${Math.max(1, TRIALS - 1)} trials)`, async () => {
    const { workspace, env, shas, store } = workspaceWithCommits(BUMP_WRITERS);
    for (let trial = 0; trial < Math.max(1, TRIALS - 1); trial++) {
      const model = `fraud-${trial}`;
      const builds = makeBuilds(workspace, model, BUMP_WRITERS);
      const writers = await race(
        node,
        workspace,
        env,
        builds.map((build, k) => promoteArgs(model, build.file, ["--bump", "patch", "--ref", shas[k]!])),
        builds,
      );
      const counts = tally(writers);
      console.log(
        `local bump trial ${trial + 1}: ${BUMP_WRITERS} writers on ${BUMP_WRITERS} commits -> ${JSON.stringify(counts)}`,
      );
      expect(counts.won, writers.map((writer) => writer.stderr).join("\n")).toBe(BUMP_WRITERS);
      expect(writers.map((writer) => writer.version).sort()).toEqual(
        Array.from({ length: BUMP_WRITERS }, (_, k) => `v0.0.${k + 1}`).sort(),
      );
      await expectConsistent(store, model, writers);
    }
  }, 240_000);

  it(`${BUMP_WRITERS} writers bumping patch on one commit: one version for the commit, as GTO requires; the others are refused and write nothing`, async () => {
    const { workspace, env, shas, store } = workspaceWithCommits(1);
    const builds = makeBuilds(workspace, "ranker", BUMP_WRITERS);
    const writers = await race(
      node,
      workspace,
      env,
      builds.map((build) => promoteArgs("ranker", build.file, ["--bump", "patch", "--ref", shas[0]!])),
      builds,
    );
    const counts = tally(writers);
    console.log(`local bump-one-commit: ${BUMP_WRITERS} writers on 1 commit -> ${JSON.stringify(counts)}`);
    expect(counts.won).toBe(1);
    expect(counts.other, writers.map((writer) => writer.stderr).join("\n")).toBe(0);
    for (const loser of writers.filter((writer) => writer.exitCode !== 0))
      expect(loser.stderr).toMatch(/one version of a model, as GTO requires|is claimed for ranker@v0\.0\.1/);
    await expectConsistent(store, "ranker", writers);
    const refs = execFileSync("git", ["for-each-ref", "--format=%(refname)"], {
      cwd: path.join(workspace, "repo"),
      env,
      encoding: "utf8",
    })
      .trim()
      .split("\n");
    expect(refs.sort()).toEqual(
      [
        `refs/heads/${refs.find((ref) => ref.startsWith("refs/heads/"))!.slice("refs/heads/".length)}`,
        `refs/modelgate/ranker.commits/${shas[0]}`,
        "refs/modelgate/ranker.events/1",
        "refs/tags/ranker#prod#1",
        "refs/tags/ranker@v0.0.1",
      ].sort(),
    );
  }, 240_000);
});
