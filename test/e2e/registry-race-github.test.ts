import { createHash } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createOctokit } from "../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../shared/src/github/github-registry-store.js";
import { useGitHubStandIn } from "../support/github-stand-in/use-github-stand-in.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { CLI, SOAK, expectConsistent, makeBuilds, race, tally } from "./support/registry-race.js";

const OWNER = "acme";
const REPO = "models";
const node = nodeBinaries()[0]!.path;
const api = useGitHubStandIn();
// Each process paces its writes 1 s apart (the throttling plugin, as against GitHub), so a trial takes ~10 s.
const TRIALS = SOAK > 0 ? SOAK : 2;
const SAME_VERSION_WRITERS = SOAK > 0 ? 6 : 4;
const BUMP_WRITERS = SOAK > 0 ? 10 : 8;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

function setUp(commits: number) {
  const shas = Array.from({ length: commits }, (_, k) => createHash("sha1").update(`race commit ${k}`).digest("hex"));
  for (const sha of shas) api().seedCommit(OWNER, REPO, sha);
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-race-gh-"));
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: workspace,
    USER: "racer",
    GITHUB_TOKEN: "ghs_test_write",
    GITHUB_API_URL: api().url,
  };
  const octokit = createOctokit({
    token: "ghs_test_write",
    baseUrl: api().url,
    log: { warning: () => undefined, debug: () => undefined },
  });
  return { shas, workspace, env, store: openGitHubRegistryStore(octokit, { owner: OWNER, repo: REPO }) };
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
  "--repo",
  `${OWNER}/${REPO}`,
  ...extra,
];

describe("racing modelgate promote processes on one GitHub repository (API stand-in)", () => {
  it(`${SAME_VERSION_WRITERS} writers of different builds on one version: one release, the winner's build; no loser's tag, draft or asset remains (${TRIALS} trials)`, async () => {
    const { shas, workspace, env, store } = setUp(SAME_VERSION_WRITERS);
    for (let trial = 0; trial < TRIALS; trial++) {
      const model = `churn-${trial}`;
      const builds = makeBuilds(workspace, model, SAME_VERSION_WRITERS);
      // Each build from its own commit: the version's tag name is the one thing they race for.
      const writers = await race(
        node,
        workspace,
        env,
        builds.map((build, k) => promoteArgs(model, build.file, ["--version", "1.0.0", "--ref", shas[k]!])),
        builds,
      );
      const counts = tally(writers);
      console.log(
        `github same-version trial ${trial + 1}: ${SAME_VERSION_WRITERS} writers -> ${JSON.stringify(counts)}`,
      );
      expect(counts.won, writers.map((writer) => writer.stderr).join("\n")).toBe(1);
      expect(counts.other, writers.map((writer) => writer.stderr).join("\n")).toBe(0);
      await expectConsistent(store, model, writers);
      const releases = api()
        .releases(OWNER, REPO)
        .filter((release) => release.tag_name.startsWith(`${model}@`));
      expect(releases.map((release) => [release.tag_name, release.draft, release.assets.length])).toEqual([
        [`${model}@v1.0.0`, false, 1],
      ]);
      const tags = api()
        .refs(OWNER, REPO)
        .map(([ref]) => ref)
        .filter((ref) => ref.includes(model));
      const winner = writers.find((writer) => writer.exitCode === 0)!;
      expect(tags).toEqual([
        `refs/modelgate/${model}.commits/${shas[winner.index]}`,
        `refs/modelgate/${model}.events/1`,
        `refs/tags/${model}#prod#1`,
        `refs/tags/${model}@v1.0.0`,
      ]);
    }
    expect(api().violations).toEqual([]);
  }, 300_000);

  it(`${BUMP_WRITERS} writers bumping patch from builds of different commits: each takes the next version after a lost race, holding its own build, and leaves no draft behind (${Math.max(1, TRIALS - 1)} trials)`, async () => {
    const { shas, workspace, env, store } = setUp(BUMP_WRITERS);
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
        `github bump trial ${trial + 1}: ${BUMP_WRITERS} writers on ${BUMP_WRITERS} commits -> ${JSON.stringify(counts)}`,
      );
      expect(counts.won, writers.map((writer) => writer.stderr).join("\n")).toBe(BUMP_WRITERS);
      expect(counts.wonAfterRetry).toBeGreaterThan(0);
      expect(writers.map((writer) => writer.version).sort()).toEqual(
        Array.from({ length: BUMP_WRITERS }, (_, k) => `v0.0.${k + 1}`).sort(),
      );
      await expectConsistent(store, model, writers);
      const releases = api()
        .releases(OWNER, REPO)
        .filter((release) => release.tag_name.startsWith(`${model}@`));
      expect(releases.map((release) => [release.tag_name, release.draft, release.assets.length]).sort()).toEqual(
        writers.map((writer) => [`${model}@${writer.version}`, false, 1]).sort(),
      );
    }
    expect(api().violations).toEqual([]);
  }, 300_000);

  it(`${BUMP_WRITERS} writers bumping patch on one commit: one version, its build stored once; the others refused with nothing left behind`, async () => {
    const { shas, workspace, env, store } = setUp(1);
    const builds = makeBuilds(workspace, "ranker", BUMP_WRITERS);
    const writers = await race(
      node,
      workspace,
      env,
      builds.map((build) => promoteArgs("ranker", build.file, ["--bump", "patch", "--ref", shas[0]!])),
      builds,
    );
    const counts = tally(writers);
    console.log(`github bump-one-commit: ${BUMP_WRITERS} writers on 1 commit -> ${JSON.stringify(counts)}`);
    expect(counts.won).toBe(1);
    expect(counts.other, writers.map((writer) => writer.stderr).join("\n")).toBe(0);
    await expectConsistent(store, "ranker", writers);
    expect(
      api()
        .releases(OWNER, REPO)
        .map((release) => [release.tag_name, release.draft]),
    ).toEqual([["ranker@v0.0.1", false]]);
    expect(api().violations).toEqual([]);
  }, 300_000);
});
