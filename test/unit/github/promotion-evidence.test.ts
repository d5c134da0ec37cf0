import { describe, expect, it } from "vitest";
import { createOctokit } from "../../../shared/src/github/create-octokit.js";
import { findJudgedCommit } from "../../../shared/src/github/find-judged-commit.js";
import { readRequiredChecks } from "../../../shared/src/github/read-required-checks.js";
import { recordDeployment } from "../../../shared/src/github/record-deployment.js";
import { GitHubApiError } from "../../../shared/src/errors/modelgate-error.js";
import { useGitHubStandIn } from "../../support/github-stand-in/use-github-stand-in.js";

const REPO = { owner: "acme", repo: "models" };
const SHA = "a".repeat(40);
const OTHER = "b".repeat(40);
const api = useGitHubStandIn();

function client(token = "ghs_test_write") {
  return createOctokit({ token, baseUrl: api().url, log: { warning: () => undefined, debug: () => undefined }, retryAfterBaseValue: 10 });
}

async function checkRun(sha: string, name: string, conclusion?: "success" | "failure"): Promise<void> {
  await client().request("POST /repos/{owner}/{repo}/check-runs", { ...REPO, head_sha: sha, name, ...(conclusion ? { conclusion, status: "completed" } : { status: "in_progress" }) });
}

describe("readRequiredChecks", () => {
  it("passes only the names whose newest run on the commit concluded success", async () => {
    api().seedCommit(REPO.owner, REPO.repo, SHA);
    api().seedCommit(REPO.owner, REPO.repo, OTHER);
    await checkRun(SHA, "evaluate-gate", "failure");
    await checkRun(SHA, "evaluate-gate", "success"); // a re-run: the newest counts
    await checkRun(SHA, "bias-check", "failure");
    await checkRun(SHA, "train", undefined);
    await checkRun(OTHER, "validate-data", "success"); // another commit's run does not count
    const checks = await readRequiredChecks(client(), REPO, SHA, ["evaluate-gate", "bias-check", "train", "validate-data"]);
    expect(checks.map((check) => [check.name, check.conclusion, check.ok])).toEqual([
      ["evaluate-gate", "success", true],
      ["bias-check", "failure", false],
      ["train", null, false],
      ["validate-data", "missing", false],
    ]);
    expect(checks[1]!.message).toBe('Check "bias-check" on aaaaaaa concluded failure; it must be success.');
    expect(checks[3]!.message).toBe('No check run or status named "validate-data" is on aaaaaaa.');
    expect(api().violations).toEqual([]);
  }, 30_000);

  it("falls back to commit status contexts for names without a check run", async () => {
    api().seedCommit(REPO.owner, REPO.repo, SHA);
    await checkRun(SHA, "evaluate-gate", "success");
    api().seedCommitStatus(REPO.owner, REPO.repo, SHA, "ci/jenkins", "pending");
    api().seedCommitStatus(REPO.owner, REPO.repo, SHA, "ci/jenkins", "success"); // the newest counts
    api().seedCommitStatus(REPO.owner, REPO.repo, SHA, "ci/lint", "failure");
    const checks = await readRequiredChecks(client(), REPO, SHA, ["evaluate-gate", "ci/jenkins", "ci/lint"]);
    expect(checks.map((check) => [check.name, check.conclusion, check.ok])).toEqual([
      ["evaluate-gate", "success", true],
      ["ci/jenkins", "success", true],
      ["ci/lint", "failure", false],
    ]);
    expect(api().violations).toEqual([]);
  }, 30_000);
});

describe("recordDeployment", () => {
  it("records a deployment of the commit with a success status", async () => {
    api().seedCommit(REPO.owner, REPO.repo, SHA);
    const id = await recordDeployment(client(), REPO, { sha: SHA, environment: "production", description: "churn v1.0.0 to prod", payload: { model: "churn", version: "v1.0.0" }, logUrl: "https://github.com/acme/models/actions/runs/1" });
    const [deployment] = api().deployments(REPO.owner, REPO.repo);
    expect(deployment).toMatchObject({ id, sha: SHA, environment: "production", payload: { model: "churn", version: "v1.0.0" } });
    expect(deployment!.statuses.map((status) => [status.state, status.log_url])).toEqual([["success", "https://github.com/acme/models/actions/runs/1"]]);
    expect(api().violations).toEqual([]);
  }, 30_000);

  it("names the deployments: write permission when the token may only read", async () => {
    api().seedCommit(REPO.owner, REPO.repo, SHA);
    const failure = recordDeployment(client("ghs_test_read"), REPO, { sha: SHA, environment: "production", description: "d", payload: {}, logUrl: null });
    await expect(failure).rejects.toThrow(GitHubApiError);
    await expect(failure).rejects.toMatchObject({ status: 403, hint: expect.stringMatching(/deployments: write/) as unknown });
    expect(api().deployments(REPO.owner, REPO.repo)).toEqual([]);
  }, 30_000);
});

describe("findJudgedCommit", () => {
  it("judges a merge commit by its pull request's head, and a direct push by itself", async () => {
    const head = "c".repeat(40);
    const merge = "d".repeat(40);
    api().seedCommitPullRequest(REPO.owner, REPO.repo, { number: 12, headSha: head, baseSha: SHA, mergeCommitSha: merge });
    api().seedCommitPullRequest(REPO.owner, REPO.repo, { number: 13, headSha: OTHER, baseSha: SHA }); // open, unmerged
    expect(await findJudgedCommit(client(), REPO, merge)).toEqual({ sha: head, pullNumber: 12 });
    expect(await findJudgedCommit(client(), REPO, SHA)).toEqual({ sha: SHA, pullNumber: null });
    expect(await findJudgedCommit(client(), REPO, OTHER)).toEqual({ sha: OTHER, pullNumber: null });
    expect(api().violations).toEqual([]);
  });
});
