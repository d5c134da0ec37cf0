import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOctokit } from "../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../shared/src/github/github-registry-store.js";
import { promoteVersion } from "../../shared/src/registry/promote-version.js";
import type { GateRecord } from "../../shared/src/registry/registry-records.js";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const HOLDOUT = "id,region,label\nc1,west,1\nc2,east,0\nc3,north,1\nc4,south,0\n";
const OLD_HOLDOUT = "id,region,label\nc1,west,1\nc2,east,0\n";
const BASE_SHA = "b".repeat(40);
const HEAD_SHA = "a".repeat(40);
const MARKER = "<!-- modelgate:evaluate-gate:churn -->";
const PR_EVENT = {
  action: "synchronize",
  number: 7,
  pull_request: { number: 7, head: { sha: HEAD_SHA, ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
};
// The base branch's policy decides (a pull request cannot loosen its own gate).
const POLICY = `version: 1
model: churn
evaluate:
  metrics:
    auc: { direction: higher, min: 0.8, max-regression: 0.01 }
    accuracy: { direction: higher, min: 0.8 }
  history:
    stage: production
    versions: 5
    max-below-median: { auc: 0.01 }
`;

// Five promotions through the API and two action runs: more than the default minute on a busy 2-core machine.
describe("evaluate-gate bundle with evaluate.history, the registry read through the API", { timeout: 180_000 }, () => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  /** Promotes versions to production through the API, each on its own commit, with the evaluate-gate evidence given. */
  async function promote(versions: { version: string; auc: number; accuracy: number; data: string | null }[]) {
    const store = openGitHubRegistryStore(
      createOctokit({
        token: "ghs_test_write",
        baseUrl: api.url,
        log: { warning: () => undefined, debug: () => undefined },
        retryAfterBaseValue: 10,
      }),
      { owner: "acme", repo: "models" },
    );
    for (const [index, { version, auc, accuracy, data }] of versions.entries()) {
      const commit = createHash("sha1").update(`model ${version}`).digest("hex");
      api.seedCommit("acme", "models", commit);
      const gate: GateRecord = {
        action: "evaluate-gate",
        key: "churn",
        verdict: "pass",
        run_url: null,
        metrics: { auc, accuracy },
        subject: { model: "churn", ...(data === null ? {} : { eval_data_sha256: sha256(data) }) },
      };
      await promoteVersion(store, {
        model: "churn",
        stage: "production",
        version: { explicit: version },
        commitSha: commit,
        artifacts: [{ name: "model.bin", bytes: Buffer.from(`weights ${version}`) }],
        manifestSha256: null,
        metrics: { auc, accuracy },
        gates: [gate],
        actor: "octocat",
        reason: null,
        runUrl: null,
        now: `2026-01-0${index + 1}T00:00:00Z`,
      });
    }
  }

  /** The action on a pull request: a metrics-only candidate, its evaluation data named with eval-data. */
  async function evaluate(candidate: { auc: number; accuracy: number }) {
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", POLICY);
    const workspace = makeWorkspace({ "modelgate.yml": POLICY, "candidate.json": JSON.stringify(candidate) });
    mkdirSync(path.join(workspace, "data"));
    writeFileSync(path.join(workspace, "data/holdout.csv"), HOLDOUT);
    const run = await runActionBundle("evaluate-gate", {
      // Node 24, what runners use (the promotions through the API make each case slow enough to run once).
      node: nodeBinaries().at(-1)!.path,
      workspace,
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: {
        candidate: "candidate.json",
        baseline: "registry:churn#production",
        "eval-data": "data/holdout.csv",
        "github-token": "ghs_test_write",
      },
    });
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(MARKER)).toBe(true);
    return { run, comment: comments[0]!.body, json: JSON.parse(readFileSync(run.outputs.result!, "utf8")) };
  }

  it("shows the comparable versions, lists the others apart with their reasons, says there are fewer than asked, and fails the median rule on a slide", async () => {
    await promote([
      { version: "1.0.0", auc: 0.97, accuracy: 0.93, data: OLD_HOLDOUT },
      { version: "1.1.0", auc: 0.95, accuracy: 0.92, data: HOLDOUT },
      { version: "1.2.0", auc: 0.96, accuracy: 0.91, data: null },
      { version: "1.3.0", auc: 0.94, accuracy: 0.91, data: HOLDOUT },
      { version: "1.4.0", auc: 0.93, accuracy: 0.9, data: HOLDOUT },
    ]);
    // Within 0.01 of production (v1.4.0, auc 0.93) but 0.015 below the median 0.94 of v1.1.0, v1.3.0, v1.4.0.
    const slid = await evaluate({ auc: 0.925, accuracy: 0.9 });
    expect(slid.run.exitCode).toBe(1);
    expect(slid.run.outputs.verdict).toBe("fail");
    const digest = sha256(HOLDOUT).slice(0, 12);
    expect(slid.comment).toContain(
      [
        `#### History of production: last 3 of 5 comparable versions (evaluation data sha256:${digest})`,
        "",
        "| metric | v1.1.0 | v1.3.0 | v1.4.0 | median | candidate | trend | median rule |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        "| auc | 0.95 | 0.94 | 0.93 | 0.94 | 0.925 | █▅▂▁ | fail (at most 0.01 worse than the median) |",
        "| accuracy | 0.92 | 0.91 | 0.9 | 0.91 | 0.9 | █▅▁▁ | — |",
        "",
        "Not compared (other evaluation data, or none recorded):",
        "",
        "- v1.2.0: no digest of its evaluation data was recorded",
        `- v1.0.0: evaluated on other data \\(sha256:${sha256(OLD_HOLDOUT).slice(0, 12)}\\)`,
      ].join("\n"),
    );
    // Said once, among the notes above the checks, not again in the history section.
    const shortfall = "Only 3 of the 5 versions that held production are comparable; the history asks for 5.";
    expect(slid.comment).toContain(`> History: ${shortfall}`);
    expect(slid.comment.split(shortfall)).toHaveLength(2);
    expect(slid.comment).toContain(
      "auc 0.925 is 0.015 below the median 0.94 of the last 3 comparable versions; at most 0.01 is allowed.",
    );
    // The other rules pass: against production alone the slide does not show.
    const checks = slid.json.checks.map((c: { name: string; verdict: string }) => [c.name, c.verdict]);
    expect(checks).toEqual([
      ["auc:max-below-median", "fail"],
      ["auc:min", "pass"],
      ["auc:max-regression", "pass"],
      ["accuracy:min", "pass"],
    ]);
    expect(slid.json.subject.eval_data_sha256).toBe(sha256(HOLDOUT));
    expect(slid.json.files.eval_data).toBe("data/holdout.csv");

    // A candidate within 0.01 of the median passes; the sticky comment is updated in place.
    const held = await evaluate({ auc: 0.935, accuracy: 0.91 });
    expect(held.run.exitCode).toBe(0);
    expect(held.comment).toContain(
      "| auc | 0.95 | 0.94 | 0.93 | 0.94 | 0.935 | █▄▁▃ | pass (at most 0.01 worse than the median) |",
    );
    const reads = api.requests.filter((r) => r.route === "GET /repos/{owner}/{repo}/git/tags/{tag_sha}");
    expect(reads.length).toBeGreaterThan(0);
  });

  it("says no version has held the stage yet, and the median rule fails closed for want of a median", async () => {
    await promote([{ version: "1.0.0", auc: 0.95, accuracy: 0.92, data: HOLDOUT }]);
    const policy = POLICY.replace("stage: production", "stage: canary");
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", policy);
    const workspace = makeWorkspace({ "modelgate.yml": policy, "candidate.json": '{"auc": 0.96, "accuracy": 0.93}' });
    mkdirSync(path.join(workspace, "data"));
    writeFileSync(path.join(workspace, "data/holdout.csv"), HOLDOUT);
    const run = await runActionBundle("evaluate-gate", {
      node: nodeBinaries().at(-1)!.path,
      workspace,
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: {
        candidate: "candidate.json",
        "eval-data": "data/holdout.csv",
        "github-token": "ghs_test_write",
      },
    });
    expect(run.exitCode).toBe(1);
    const comment = api.comments("acme", "models", 7)[0]!.body;
    // Among the notes above the checks, once.
    expect(comment).toContain("> History: No version has held canary yet; the history asks for 5.");
    expect(comment.split("No version has held canary yet")).toHaveLength(2);
    expect(comment).toContain(
      "No comparable version recorded auc, so there is no median to compare with; the rule cannot decide.",
    );
  });
});
