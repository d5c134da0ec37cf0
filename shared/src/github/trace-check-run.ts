import type { ModelgateOctokit } from "./create-octokit.js";
import type { JudgedCommit } from "./find-judged-commit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** A check run as `GET /commits/{sha}/check-runs` lists it, reduced to what tracing reads. */
export interface ListedCheckRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
  app: { slug?: string } | null;
  check_suite: { id: number } | null;
}

/** Where a check run came from: a job of the expected workflow's run for the judged commit, or why not. */
export type CheckRunOrigin = { trusted: true; runId: number; description: string } | { trusted: false; reason: string };

/** What a trusted run must be: a run of `workflow` for `judged`, from workflow files the base branch has. */
export interface TraceExpectation {
  workflow: string;
  judged: JudgedCommit;
  /** `findWorkflowEdit` for this judged commit: why a pull request's runs did not run the base's version of a file. */
  findEdit: (file: string) => Promise<string | undefined>;
  /** From `findOtherForkBases`: set when a fork's head is also the head of pull requests into other base branches. */
  forkBases: string | undefined;
}

/** Workflow runs already read, by id: several required checks are usually jobs of one run. */
export type WorkflowRunCache = Map<number, Promise<WorkflowRun>>;

interface WorkflowRun {
  id: number;
  path: string;
  event: string;
  head_sha: string;
  head_branch: string | null;
  check_suite_id?: number;
  head_repository: { full_name: string } | null;
  pull_requests: Array<{ number: number; base: { ref: string } }> | null;
  /** Reusable workflows the run called: `owner/repo/<file>@<ref>`. */
  referenced_workflows?: Array<{ path: string; sha: string; ref?: string }> | null;
}

const ACTIONS_READ_HINT =
  "Give the job `permissions: actions: read` so the workflow runs behind the required checks can be read.";

/**
 * Traces a check run to the workflow run that made it, as GitHub records it: the GitHub Actions app's check run of a
 * job (`GET /actions/jobs/{id}`: a job's id is its check run's id; a run created through the API has no job), that
 * job's run (`GET /actions/runs/{run_id}`, in the same check suite), and the run's workflow file, event and head. A
 * check run's name is only a job name, so nothing else is trusted.
 * @throws GitHubApiError when the API fails otherwise than with 404 for a run that is not a job.
 */
export async function traceCheckRun(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  checkRun: ListedCheckRun,
  expected: TraceExpectation,
  runs: WorkflowRunCache,
): Promise<CheckRunOrigin> {
  const app = checkRun.app?.slug ?? "an unknown app";
  if (app !== "github-actions")
    return { trusted: false, reason: `run ${checkRun.id} was created by ${app}, not by a GitHub Actions job` };
  let job: { run_id: number };
  try {
    job = (
      await octokit.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}", { ...repository, job_id: checkRun.id })
    ).data as { run_id: number };
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      return { trusted: false, reason: `run ${checkRun.id} is no workflow job's (it was created through the API)` };
    throw toGitHubApiError(`reading job ${checkRun.id}`, error, ACTIONS_READ_HINT);
  }
  let pending = runs.get(job.run_id);
  if (!pending) {
    pending = readWorkflowRun(octokit, repository, job.run_id);
    runs.set(job.run_id, pending);
  }
  const run = await pending;
  const problem =
    describeMismatch(run, checkRun, expected) ??
    (run.event === "pull_request" ? await describeEdit(run, repository, expected) : undefined);
  if (problem)
    return { trusted: false, reason: `run ${checkRun.id} is a job of workflow run ${run.id}, which ${problem}` };
  const pull = expected.judged.pullNumber;
  return {
    trusted: true,
    runId: run.id,
    description: `a job of workflow run ${run.id} (${expected.workflow}, ${run.event}${pull === null ? ` on ${expected.judged.baseRef}` : ` of #${pull} into ${expected.judged.baseRef}`})`,
  };
}

async function readWorkflowRun(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  runId: number,
): Promise<WorkflowRun> {
  try {
    return (await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { ...repository, run_id: runId }))
      .data as WorkflowRun;
  } catch (error) {
    throw toGitHubApiError(`reading workflow run ${runId}`, error, ACTIONS_READ_HINT);
  }
}

/**
 * Why the run did not run the base branch's workflow files: the expected one, or a reusable workflow of this
 * repository it called (`./.github/workflows/…`, read from the pull request's merge ref like the caller).
 */
async function describeEdit(
  run: WorkflowRun,
  repository: { owner: string; repo: string },
  expected: TraceExpectation,
): Promise<string | undefined> {
  const own = `${repository.owner}/${repository.repo}/`.toLowerCase();
  const called = (run.referenced_workflows ?? [])
    .filter((ref) => ref.path.toLowerCase().startsWith(own))
    .map((ref) => ref.path.slice(own.length).split("@")[0]!);
  for (const file of [expected.workflow, ...new Set(called)]) {
    const edit = await expected.findEdit(file);
    if (edit !== undefined) return `did not run the base branch's ${file}: ${edit}`;
  }
  return undefined;
}

/** The first way the run differs from the expected workflow, event, commit and pull request; undefined when none. */
function describeMismatch(run: WorkflowRun, checkRun: ListedCheckRun, expected: TraceExpectation): string | undefined {
  const { judged } = expected;
  const path = run.path.split("@")[0];
  if (path !== expected.workflow) return `ran ${run.path}, not ${expected.workflow}`;
  if (checkRun.check_suite && run.check_suite_id !== undefined && checkRun.check_suite.id !== run.check_suite_id)
    return `is in check suite ${run.check_suite_id}, not the check run's ${checkRun.check_suite.id}`;
  if (run.head_sha !== judged.sha) return `ran on ${run.head_sha.slice(0, 7)}, not ${judged.sha.slice(0, 7)}`;
  if (judged.pullNumber === null) {
    if (run.event !== "push") return `ran on ${run.event}, not on push`;
    return run.head_branch === judged.baseRef
      ? undefined
      : `ran on branch ${run.head_branch ?? "(none)"}, not ${judged.baseRef}`;
  }
  if (run.event !== "pull_request") return `ran on ${run.event}, not on pull_request`;
  const linked = run.pull_requests ?? [];
  if (linked.length > 0) {
    // GitHub links every open pull request with the run's head; one into another base may be the one it ran for.
    const elsewhere = linked.filter((pull) => pull.base.ref !== judged.baseRef);
    const ours = linked.some((pull) => pull.number === judged.pullNumber && pull.base.ref === judged.baseRef);
    if (ours && elsewhere.length === 0) return undefined;
    if (ours)
      return `is linked to ${elsewhere.map((pull) => `#${pull.number} into ${pull.base.ref}`).join(", ")} as well, so it may have run that base branch's workflow`;
    return `is linked to ${linked.map((pull) => `#${pull.number} into ${pull.base.ref}`).join(", ")}, not #${judged.pullNumber} into ${judged.baseRef}`;
  }
  // GitHub links no pull request to a fork's runs: the head repository and branch must be the pull request's.
  const head = judged.head;
  if (head && run.head_repository?.full_name === head.repository && run.head_branch === head.ref)
    return expected.forkBases === undefined ? undefined : `came from a fork whose ${expected.forkBases}`;
  return `came from ${run.head_repository?.full_name ?? "(unknown)"}:${run.head_branch ?? "(none)"}, not the head of #${judged.pullNumber}`;
}
