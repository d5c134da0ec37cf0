import { describe, expect, it } from "vitest";
import { createOctokit } from "../../../shared/src/github/create-octokit.js";
import { findJudgedCommit } from "../../../shared/src/github/find-judged-commit.js";
import type { JudgedCommit } from "../../../shared/src/github/find-judged-commit.js";
import { readRequiredChecks } from "../../../shared/src/github/read-required-checks.js";
import { recordDeployment } from "../../../shared/src/github/record-deployment.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import { useGitHubStandIn } from "../../support/github-stand-in/use-github-stand-in.js";

const REPO = { owner: "acme", repo: "models" };
const SHA = "a".repeat(40);
const OTHER = "b".repeat(40);
const api = useGitHubStandIn();

function client(token = "ghs_test_write") {
  return createOctokit({
    token,
    baseUrl: api().url,
    log: { warning: () => undefined, debug: () => undefined },
    retryAfterBaseValue: 10,
  });
}

const WORKFLOW = ".github/workflows/pr-model-gate.yml";
const MERGE = "d".repeat(40);
const GATE = { name: "gate", workflow: WORKFLOW };
/** Pull request 12 (head SHA, branch fix) merged into main as MERGE; the gates judged its head. */
const judgedPull: JudgedCommit = {
  sha: SHA,
  pullNumber: 12,
  baseRef: "main",
  baseSha: OTHER,
  head: { ref: "fix", repository: "acme/models" },
};

const GATE_YAML = "on: pull_request\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps: [{ run: make gate }]\n";

/** Pull request 12, merged; its head's workflow file is the base commit's unless `headWorkflow` says otherwise. */
function mergedPull(headRepository?: string, headWorkflow = GATE_YAML): void {
  api().setFile(REPO.owner, REPO.repo, OTHER, WORKFLOW, GATE_YAML);
  api().setFile(REPO.owner, REPO.repo, SHA, WORKFLOW, headWorkflow);
  api().seedCommitPullRequest(REPO.owner, REPO.repo, {
    number: 12,
    headSha: SHA,
    baseSha: OTHER,
    mergeCommitSha: MERGE,
    headRef: "fix",
    ...(headRepository ? { headRepository } : {}),
  });
}

let nextRun = 100;
/** A workflow run on the judged head with one job per conclusion given; returns the jobs' check-run ids. */
function workflowRun(
  jobs: Array<{ name: string; conclusion: "success" | "failure" | null }>,
  run: {
    path?: string;
    event?: string;
    pullRequests?: number[];
    headBranch?: string;
    headRepository?: string;
    referencedWorkflows?: Array<{ path: string; sha: string; ref?: string }>;
  } = {},
): number[] {
  return api().seedWorkflowRun(REPO.owner, REPO.repo, {
    id: nextRun++,
    event: run.event ?? "pull_request",
    headSha: SHA,
    headBranch: run.headBranch ?? "fix",
    path: run.path ?? WORKFLOW,
    jobs,
    ...(run.pullRequests ? { pullRequests: run.pullRequests } : { pullRequests: [12] }),
    ...(run.headRepository ? { headRepository: run.headRepository } : {}),
    ...(run.referencedWorkflows ? { referencedWorkflows: run.referencedWorkflows } : {}),
  });
}

const outcome = async (judged = judgedPull, specs = [GATE]) =>
  (await readRequiredChecks(client(), REPO, judged, specs)).map((c) => [c.name, c.conclusion, c.ok, c.message]);

describe("readRequiredChecks", () => {
  it("passes a job of the expected workflow's pull_request run for the merged pull request's head", async () => {
    mergedPull();
    const [id] = workflowRun([
      { name: "gate", conclusion: "success" },
      { name: "lint", conclusion: "failure" },
    ]);
    const checks = await readRequiredChecks(client(), REPO, judgedPull, [GATE]);
    expect(checks).toEqual([
      {
        name: "gate",
        workflow: WORKFLOW,
        conclusion: "success",
        ok: true,
        url: `https://github.com/acme/models/runs/${id}`,
        message: `Check "gate" on aaaaaaa: a job of workflow run 100 (${WORKFLOW}, pull_request of #12 into main) concluded success.`,
      },
    ]);
    expect(api().violations).toEqual([]);
  });

  it("fails on any failing run of the name, never outvoted by a later success or a re-run", async () => {
    mergedPull();
    workflowRun([{ name: "gate", conclusion: "failure" }]);
    workflowRun([{ name: "gate", conclusion: "success" }]);
    expect(await outcome()).toEqual([
      [
        "gate",
        "failure",
        false,
        `Check "gate" on aaaaaaa: a job of workflow run ${nextRun - 2} (${WORKFLOW}, pull_request of #12 into main) concluded failure; a failing run is never outvoted by another run's success.`,
      ],
    ]);
    expect(api().violations).toEqual([]);
  });

  it("counts a failure whoever made it, but trusts no success that is not a job of the expected workflow", async () => {
    mergedPull();
    const lenient = api().seedCheckRun(REPO.owner, REPO.repo, {
      name: "gate",
      headSha: SHA,
      conclusion: "success",
      app: "lenient-ci",
    });
    workflowRun([{ name: "gate", conclusion: "success" }], { path: ".github/workflows/lenient.yml" });
    workflowRun([{ name: "gate", conclusion: "success" }], { pullRequests: [13] });
    api().seedCommitPullRequest(REPO.owner, REPO.repo, {
      number: 13,
      headSha: SHA,
      baseSha: OTHER,
      headRef: "fix",
      baseRef: "release",
    });
    // Made with GITHUB_TOKEN by any workflow: GitHub files it under the commit's first Actions suite, yet no job stands behind it.
    await client().request("POST /repos/{owner}/{repo}/check-runs", {
      ...REPO,
      head_sha: SHA,
      name: "gate",
      status: "completed",
      conclusion: "success",
    });
    const [[name, conclusion, ok, message]] = (await outcome()) as [[string, string, boolean, string]];
    expect([name, conclusion, ok]).toEqual(["gate", "missing", false]);
    expect(message).toMatch(
      new RegExp(
        `^Check "gate" on aaaaaaa: no run of that name is a job of ${WORKFLOW.replace(/\./g, "\\.")} for this commit; a gate that did not run there did not pass\\. Not counted: `,
      ),
    );
    expect(message).toContain(`run ${lenient} was created by lenient-ci, not by a GitHub Actions job`);
    expect(message).toContain(`which ran .github/workflows/lenient.yml, not ${WORKFLOW}`);
    expect(message).toContain("which is linked to #13 into release, not #12 into main");
    expect(message).toMatch(/run \d+ is no workflow job's \(it was created through the API\)/);
    api().seedCheckRun(REPO.owner, REPO.repo, { name: "gate", headSha: SHA, conclusion: "failure", app: "lenient-ci" });
    workflowRun([{ name: "gate", conclusion: "success" }]);
    expect((await outcome())[0]!.slice(1, 3)).toEqual(["failure", false]);
    expect(api().violations).toEqual([]);
  });

  it("trusts no run of a workflow file the pull request's head changed, since such runs ran the pull request's jobs", async () => {
    mergedPull(undefined, GATE_YAML.replace("make gate", "true"));
    workflowRun([{ name: "gate", conclusion: "success" }]);
    const [[, conclusion, ok, message]] = (await outcome()) as [[string, string, boolean, string]];
    expect([conclusion, ok]).toEqual(["missing", false]);
    expect(message).toContain(
      `which did not run the base branch's ${WORKFLOW}: the head of #12 (aaaaaaa) changes ${WORKFLOW} from the base branch's version at bbbbbbb, so its runs ran the pull request's own jobs`,
    );
    expect(api().violations).toEqual([]);
  });

  it("trusts no run that called a reusable workflow of this repository the pull request changed", async () => {
    mergedPull();
    const REUSED = ".github/workflows/gate-steps.yml";
    api().setFile(REPO.owner, REPO.repo, OTHER, REUSED, "on: workflow_call\n");
    api().setFile(REPO.owner, REPO.repo, SHA, REUSED, "on: workflow_call\n# lenient\n");
    const merge = "e".repeat(40);
    // Another repository's reusable workflow is not the pull request's to change: it is no reason to refuse.
    const external = { path: "acme/shared-ci/.github/workflows/gate.yml@v2", sha: "f".repeat(40), ref: "refs/tags/v2" };
    workflowRun([{ name: "gate", conclusion: "success" }], { referencedWorkflows: [external] });
    expect((await outcome())[0]!.slice(1, 3)).toEqual(["success", true]);
    const local = { path: `acme/models/${REUSED}@refs/pull/12/merge`, sha: merge, ref: "refs/pull/12/merge" };
    const id = nextRun;
    workflowRun([{ name: "gate", conclusion: "success" }], { referencedWorkflows: [external, local] });
    const [[, , ok, message]] = (await outcome()) as [[string, string, boolean, string]];
    expect(ok).toBe(true); // the first run still passes; the second is listed as not counted
    expect(message).toContain(
      `workflow run ${id}, which did not run the base branch's ${REUSED}: the head of #12 (aaaaaaa) changes ${REUSED} from the base branch's version at bbbbbbb`,
    );
    expect(api().violations).toEqual([]);
  });

  it("trusts no run of a workflow file the base commit lacks, and fails closed when the file cannot be read", async () => {
    mergedPull();
    api().setFile(REPO.owner, REPO.repo, OTHER, WORKFLOW, GATE_YAML);
    workflowRun([{ name: "gate", conclusion: "success" }]);
    const noBase = { ...judgedPull, baseSha: "e".repeat(40) };
    expect((await outcome(noBase))[0]![3]).toContain(`the base branch has no ${WORKFLOW} at eeeeeee`);
    // Both files are read at once, each tried four times.
    api().failNext("GET", /contents/, Array<number>(8).fill(500));
    await expect(outcome()).rejects.toThrow(GitHubApiError);
    expect(api().violations).toEqual([]);
  });

  it("trusts no run GitHub also links to a pull request of the same head into another base branch", async () => {
    mergedPull();
    api().seedPullRequest(REPO.owner, REPO.repo, { number: 13, headSha: SHA, headRef: "fix", baseRef: "release" });
    workflowRun([{ name: "gate", conclusion: "success" }], { pullRequests: [12, 13] });
    const [[, conclusion, ok, message]] = (await outcome()) as [[string, string, boolean, string]];
    expect([conclusion, ok]).toEqual(["missing", false]);
    expect(message).toContain(
      "which is linked to #13 into release as well, so it may have run that base branch's workflow",
    );
    expect(api().violations).toEqual([]);
  });

  it("matches a fork's run by its head repository and branch, since GitHub links no pull request to it", async () => {
    mergedPull("forker/models");
    const fork = { ...judgedPull, head: { ref: "fix", repository: "forker/models" } };
    workflowRun([{ name: "gate", conclusion: "success" }], { pullRequests: [], headRepository: "someone-else/models" });
    expect((await outcome(fork))[0]!.slice(1, 3)).toEqual(["missing", false]);
    workflowRun([{ name: "gate", conclusion: "success" }], { pullRequests: [], headRepository: "forker/models" });
    expect((await outcome(fork))[0]!.slice(1, 3)).toEqual(["success", true]);
    expect(api().violations).toEqual([]);
  });

  it("trusts no fork run whose branch is also the head of a pull request into another base, even a closed one", async () => {
    mergedPull("forker/models");
    const fork = { ...judgedPull, head: { ref: "fix", repository: "forker/models" } };
    workflowRun([{ name: "gate", conclusion: "success" }], { pullRequests: [], headRepository: "forker/models" });
    // Another fork's branch of the same name, and the same fork's other branch, are other heads.
    api().seedPullRequest(REPO.owner, REPO.repo, {
      number: 15,
      headSha: SHA,
      headRef: "fix",
      headRepository: "someone-else/models",
      baseRef: "release",
    });
    api().seedPullRequest(REPO.owner, REPO.repo, {
      number: 16,
      headSha: SHA,
      headRef: "other",
      headRepository: "forker/models",
      baseRef: "release",
    });
    expect((await outcome(fork))[0]!.slice(1, 3)).toEqual(["success", true]);
    api().seedPullRequest(REPO.owner, REPO.repo, {
      number: 14,
      headSha: SHA,
      headRef: "fix",
      headRepository: "forker/models",
      baseRef: "release",
      state: "closed",
    });
    const [[, conclusion, ok, message]] = (await outcome(fork)) as [[string, string, boolean, string]];
    expect([conclusion, ok]).toEqual(["missing", false]);
    expect(message).toContain(
      "came from a fork whose forker:fix is also the head of #14 into release, and a fork's run names no pull request, so it may have run that base branch's workflow",
    );
    expect(api().violations).toEqual([]);
  });

  it("expects a push run on the branch for a direct push, and fails while a run is still going", async () => {
    const direct: JudgedCommit = { sha: SHA, pullNumber: null, baseRef: "main", baseSha: null, head: null };
    mergedPull();
    workflowRun([{ name: "gate", conclusion: "success" }]);
    expect((await outcome(direct))[0]!.slice(1, 3)).toEqual(["missing", false]);
    workflowRun([{ name: "gate", conclusion: "success" }], { event: "push", headBranch: "main", pullRequests: [] });
    expect((await outcome(direct))[0]!.slice(1, 3)).toEqual(["success", true]);
    workflowRun([{ name: "gate", conclusion: null }], { event: "push", headBranch: "main", pullRequests: [] });
    expect((await outcome(direct))[0]![3]).toMatch(
      /^Check "gate" on aaaaaaa: run \d+ is still in_progress; promote once it has completed\.$/,
    );
    expect(await outcome(direct, [{ name: "deploy-check", workflow: WORKFLOW }])).toEqual([
      [
        "deploy-check",
        "missing",
        false,
        'Check "deploy-check" on aaaaaaa: no check run of that name exists; a gate that did not run there did not pass.',
      ],
    ]);
    expect(api().violations).toEqual([]);
  });
});

describe("recordDeployment", () => {
  it("records a deployment of the commit with a success status", async () => {
    api().seedCommit(REPO.owner, REPO.repo, SHA);
    const id = await recordDeployment(client(), REPO, {
      sha: SHA,
      environment: "production",
      description: "churn v1.0.0 to prod",
      payload: { model: "churn", version: "v1.0.0" },
      logUrl: "https://github.com/acme/models/actions/runs/1",
    });
    const [deployment] = api().deployments(REPO.owner, REPO.repo);
    expect(deployment).toMatchObject({
      id,
      sha: SHA,
      environment: "production",
      payload: { model: "churn", version: "v1.0.0" },
    });
    expect(deployment!.statuses.map((status) => [status.state, status.log_url])).toEqual([
      ["success", "https://github.com/acme/models/actions/runs/1"],
    ]);
    expect(api().violations).toEqual([]);
  }, 30_000);

  it("names the deployments: write permission when the token may only read", async () => {
    api().seedCommit(REPO.owner, REPO.repo, SHA);
    const failure = recordDeployment(client("ghs_test_read"), REPO, {
      sha: SHA,
      environment: "production",
      description: "d",
      payload: {},
      logUrl: null,
    });
    await expect(failure).rejects.toThrow(GitHubApiError);
    await expect(failure).rejects.toMatchObject({
      status: 403,
      hint: expect.stringMatching(/deployments: write/) as unknown,
    });
    expect(api().deployments(REPO.owner, REPO.repo)).toEqual([]);
  }, 30_000);
});

describe("findJudgedCommit", () => {
  it("judges a merge commit by its pull request's head, and a direct push by itself", async () => {
    const head = "c".repeat(40);
    const merge = "d".repeat(40);
    api().seedCommitPullRequest(REPO.owner, REPO.repo, {
      number: 12,
      headSha: head,
      baseSha: SHA,
      mergeCommitSha: merge,
    });
    api().seedCommitPullRequest(REPO.owner, REPO.repo, { number: 13, headSha: OTHER, baseSha: SHA }); // open, unmerged
    expect(await findJudgedCommit(client(), REPO, merge, "main")).toEqual({
      sha: head,
      pullNumber: 12,
      baseRef: "main",
      baseSha: SHA,
      head: { ref: "feature-12", repository: "acme/models" },
    });
    expect(await findJudgedCommit(client(), REPO, SHA, "main")).toEqual({
      sha: SHA,
      pullNumber: null,
      baseRef: "main",
      baseSha: null,
      head: null,
    });
    expect(await findJudgedCommit(client(), REPO, OTHER, "release")).toEqual({
      sha: OTHER,
      pullNumber: null,
      baseRef: "release",
      baseSha: null,
      head: null,
    });
    expect(api().violations).toEqual([]);
  });
});
