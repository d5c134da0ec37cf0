import { describe, expect, it } from "vitest";
import { callStandIn } from "./call-stand-in.js";
import { useGitHubStandIn } from "./use-github-stand-in.js";

const api = useGitHubStandIn();
const HEAD = "a".repeat(40);
const call = (method: string, path: string, body?: unknown) =>
  callStandIn(api().url, method, path, body === undefined ? {} : { body });

describe("startGitHubStandIn workflow runs, jobs and check suites", () => {
  it("answers a seeded run with its workflow path, event, check suite and linked pull request's base", async () => {
    api().seedCommitPullRequest("o", "r", {
      number: 12,
      headSha: HEAD,
      baseSha: "b".repeat(40),
      headRef: "fix",
      baseRef: "release",
    });
    api().seedWorkflowRun("o", "r", {
      id: 77,
      event: "pull_request",
      headSha: HEAD,
      headBranch: "fix",
      path: ".github/workflows/gate.yml",
      checkSuiteId: 500,
      pullRequests: [12],
    });
    const { status, json } = await call("GET", "/repos/o/r/actions/runs/77");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      path: ".github/workflows/gate.yml",
      event: "pull_request",
      check_suite_id: 500,
      head_sha: HEAD,
    });
    expect(
      (json.pull_requests as unknown as Array<{ number: number; base: { ref: string } }>).map((pr) => [
        pr.number,
        pr.base.ref,
      ]),
    ).toEqual([[12, "release"]]);
    expect(api().violations).toEqual([]);
  });

  it("gives each job a check run of the same id in the run's suite, and answers 404 for a check run no job stands behind", async () => {
    const [gate, lint] = api().seedWorkflowRun("o", "r", {
      id: 78,
      event: "pull_request",
      headSha: HEAD,
      headBranch: "fix",
      checkSuiteId: 600,
      jobs: [
        { name: "gate", conclusion: "failure" },
        { name: "lint", conclusion: null },
      ],
    });
    const other = api().seedCheckRun("o", "r", {
      name: "gate",
      headSha: HEAD,
      conclusion: "success",
      app: "lenient-ci",
    });
    const job = await call("GET", `/repos/o/r/actions/jobs/${gate}`);
    expect(job.json).toMatchObject({
      id: gate,
      run_id: 78,
      name: "gate",
      conclusion: "failure",
      check_run_url: expect.stringMatching(new RegExp(`/check-runs/${gate}$`)),
    });
    expect((await call("GET", `/repos/o/r/actions/jobs/${lint}`)).json).toMatchObject({
      status: "in_progress",
      conclusion: null,
    });
    expect((await call("GET", `/repos/o/r/actions/jobs/${other}`)).status).toBe(404);
    const runs = await call("GET", `/repos/o/r/commits/${HEAD}/check-runs?check_name=gate&filter=all`);
    const listed = (
      runs.json as unknown as {
        check_runs: Array<{ id: number; app: { slug: string }; check_suite: { id: number }; conclusion: string }>;
      }
    ).check_runs;
    expect(listed.map((run) => [run.id, run.app.slug, run.conclusion])).toEqual([
      [other, "lenient-ci", "success"],
      [gate, "github-actions", "failure"],
    ]);
    expect(listed[1]!.check_suite.id).toBe(600);
    expect(api().violations).toEqual([]);
  });

  it("puts a check run made with GITHUB_TOKEN into the commit's first Actions check suite, as GitHub does", async () => {
    api().seedWorkflowRun("o", "r", {
      id: 90,
      event: "pull_request",
      headSha: HEAD,
      headBranch: "fix",
      checkSuiteId: 700,
    });
    api().seedWorkflowRun("o", "r", {
      id: 95,
      event: "pull_request",
      headSha: HEAD,
      headBranch: "fix",
      checkSuiteId: 800,
    });
    const created = await call("POST", "/repos/o/r/check-runs", {
      name: "gate",
      head_sha: HEAD,
      status: "completed",
      conclusion: "success",
    });
    expect(created.json).toMatchObject({ check_suite: { id: 700 }, app: { slug: "github-actions" } });
    expect((await call("GET", `/repos/o/r/actions/jobs/${String(created.json.id)}`)).status).toBe(404);
    expect(api().violations).toEqual([]);
  });

  it("lists a run's environment approvals, and none for a run without", async () => {
    api().seedWorkflowRun("o", "r", {
      id: 80,
      event: "workflow_dispatch",
      headSha: HEAD,
      headBranch: "main",
      approvals: [{ environment: "production", state: "approved", login: "lead", comment: "go" }],
    });
    api().seedWorkflowRun("o", "r", { id: 81, event: "workflow_dispatch", headSha: HEAD, headBranch: "main" });
    const approved = await call("GET", "/repos/o/r/actions/runs/80/approvals");
    expect(approved.json).toEqual([
      expect.objectContaining({
        state: "approved",
        comment: "go",
        user: expect.objectContaining({ login: "lead" }),
        environments: [expect.objectContaining({ name: "production" })],
      }),
    ]);
    expect((await call("GET", "/repos/o/r/actions/runs/81/approvals")).json).toEqual([]);
    expect((await call("GET", "/repos/o/r/actions/runs/82/approvals")).status).toBe(404);
    expect(api().violations).toEqual([]);
  });
});
