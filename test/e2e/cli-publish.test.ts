import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { writeZip } from "../support/zip/write-zip.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const HEAD_SHA = "e".repeat(40);
const RUN_ID = 55_501;
const RESULT = {
  schema: "modelgate.result/v1",
  action: "evaluate-gate",
  key: "churn",
  verdict: "pass",
  checks: [
    {
      name: "auc:min",
      metric: "auc",
      rule: "min",
      verdict: "pass",
      value: 0.91,
      baseline: 0.9,
      delta: 0.01,
      delta_pct: 1.11,
      threshold: 0.85,
      message: "0.91 ≥ 0.85.",
    },
  ],
  notes: [],
  policy: { file: "modelgate.yml", sha256: "f".repeat(64), source: "base" },
  report_markdown: "@everyone see https://evil.example",
};

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe("modelgate publish (CLI bundle)", () => {
  const node = nodeBinaries()[0]!.path;
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
    api.seedWorkflowRun("acme", "models", {
      id: RUN_ID,
      event: "pull_request",
      headSha: HEAD_SHA,
      headBranch: "fix",
      headRepository: "someone/models",
    });
    api.seedPullRequest("acme", "models", {
      number: 21,
      headSha: HEAD_SHA,
      headRef: "fix",
      headRepository: "someone/models",
    });
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });
  const cli = (...args: string[]) =>
    spawnCollect(
      node,
      [CLI, "publish", "--repo", "acme/models", "--run-id", String(RUN_ID), ...args],
      { PATH: process.env.PATH ?? "", GITHUB_TOKEN: "ghs_test_write", GITHUB_API_URL: api.url },
      mkdtempSync(path.join(tmpdir(), "modelgate-cli-")),
    );

  it("prints the re-rendered report and writes no comment with --dry-run", async () => {
    api.seedArtifact("acme", "models", RUN_ID, {
      name: "modelgate-results",
      zip: writeZip([{ name: "evaluate-gate-churn.json", data: JSON.stringify(RESULT) }]),
    });
    const run = await cli("--dry-run");
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("#### Reported ✅ pass · evaluate-gate · churn");
    expect(run.stdout).not.toContain("@everyone");
    expect(api.comments("acme", "models", 21)).toEqual([]);
  });

  it("posts one sticky comment per action and key to the pull request the API names", async () => {
    api.seedArtifact("acme", "models", RUN_ID, {
      name: "modelgate-results",
      zip: writeZip([{ name: "evaluate-gate-churn.json", data: JSON.stringify(RESULT) }]),
    });
    const run = await cli("--format", "json");
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      schema: "modelgate.publish/v1",
      pull_request: 21,
      comments: [{ marker: "<!-- modelgate:evaluate-gate:churn -->", outcome: "created" }],
    });
    expect(
      api
        .comments("acme", "models", 21)[0]!
        .body.startsWith(
          "<!-- modelgate:evaluate-gate:churn -->\n### Reported ✅ pass · evaluate-gate · churn\n_Reported by the pull request's own workflow run",
        ),
    ).toBe(true);
  });

  it("exits 1 with the reason and the fix when an artifact is refused", async () => {
    api.seedArtifact("acme", "models", RUN_ID, {
      name: "modelgate-results",
      zip: writeZip([{ name: "../x.json", data: "{}" }]),
    });
    const run = await cli();
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^modelgate publish: Artifact "modelgate-results" is refused: an entry's name is unsafe.*\nFix: /,
    );
  });

  it("exits 2 naming the flag when --run-id is missing or not a run id", async () => {
    const run = await spawnCollect(
      node,
      [CLI, "publish", "--repo", "acme/models", "--run-id", "12a"],
      { PATH: process.env.PATH ?? "" },
      repoRoot,
    );
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--run-id is "12a"');
  });
});
