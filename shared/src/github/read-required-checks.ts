import type { ModelgateOctokit } from "./create-octokit.js";
import type { JudgedCommit } from "./find-judged-commit.js";
import { toGitHubApiError } from "./to-github-api-error.js";
import type { RequiredCheckSpec } from "../registry/stage-rules.js";
import type { CheckRunOrigin, ListedCheckRun, TraceExpectation, WorkflowRunCache } from "./trace-check-run.js";
import { traceCheckRun } from "./trace-check-run.js";
import { findWorkflowEdit } from "./find-workflow-edit.js";
import type { WorkflowEditCache } from "./find-workflow-edit.js";
import { findOtherForkBases } from "./find-other-fork-bases.js";

/** One required check as found on the judged commit. */
export interface RequiredCheck {
  name: string;
  workflow: string;
  /** The deciding conclusion: a failing run's, else the trusted runs' (null while running, "missing" when none). */
  conclusion: string | null;
  /** A trusted run succeeded, and no run of that name failed or is still running. */
  ok: boolean;
  /** One sentence: why it passes or not. */
  message: string;
  /** The deciding check run's page. */
  url: string | null;
}

/** Conclusions that fail a required check whichever app or workflow made the run. */
const FAILING = new Set(["failure", "cancelled", "timed_out", "action_required", "startup_failure", "stale"]);
const CHECKS_READ_HINT =
  "Give the job `permissions: checks: read` so the required checks of the judged commit can be read.";

/**
 * Reads every check run of each required name on the judged commit (`filter=all`, all pages) and trusts only those
 * `traceCheckRun` ties to a job of the expected workflow for that commit and pull request, run from the base branch's
 * version of that file and of the reusable workflows it called (`findWorkflowEdit`) and, for a fork, from a branch no pull request into another base shares
 * (`findOtherForkBases`). The check passes when a
 * trusted run succeeded and no run of that name failed (whoever made it: a failure is never outvoted by a later
 * success or a re-run) or is still running. Commit statuses are not read: nothing ties one to a workflow.
 */
export async function readRequiredChecks(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  judged: JudgedCommit,
  specs: readonly RequiredCheckSpec[],
): Promise<RequiredCheck[]> {
  const runs: WorkflowRunCache = new Map();
  const edits: WorkflowEditCache = new Map();
  let forks: Promise<string | undefined> | undefined;
  const out: RequiredCheck[] = [];
  for (const spec of specs) {
    const listed = await listCheckRuns(octokit, repository, judged.sha, spec.name);
    const expected: TraceExpectation = {
      workflow: spec.workflow,
      judged,
      findEdit: (file) => findWorkflowEdit(octokit, repository, file, judged, edits),
      // Nothing to trace, nothing to list: a name with no run is missing whatever other pull requests exist.
      forkBases: listed.length === 0 ? undefined : await (forks ??= findOtherForkBases(octokit, repository, judged)),
    };
    const traced = await Promise.all(
      listed.map(async (run) => ({ run, origin: await traceCheckRun(octokit, repository, run, expected, runs) })),
    );
    out.push(decideRequiredCheck(spec, judged.sha, traced));
  }
  return out;
}

/** The verdict on one name from its traced runs; see `readRequiredChecks`. */
export function decideRequiredCheck(
  spec: RequiredCheckSpec,
  sha: string,
  traced: ReadonlyArray<{ run: ListedCheckRun; origin: CheckRunOrigin }>,
): RequiredCheck {
  const at = `Check "${spec.name}" on ${sha.slice(0, 7)}`;
  const base = { name: spec.name, workflow: spec.workflow };
  const failed = traced.find(({ run }) => run.status === "completed" && FAILING.has(run.conclusion ?? ""));
  if (failed) {
    const by = failed.origin.trusted ? failed.origin.description : `run ${failed.run.id}`;
    return {
      ...base,
      conclusion: failed.run.conclusion,
      ok: false,
      url: failed.run.html_url,
      message: `${at}: ${by} concluded ${failed.run.conclusion}; a failing run is never outvoted by another run's success.`,
    };
  }
  const running = traced.find(({ run }) => run.status !== "completed");
  if (running)
    return {
      ...base,
      conclusion: null,
      ok: false,
      url: running.run.html_url,
      message: `${at}: run ${running.run.id} is still ${running.run.status}; promote once it has completed.`,
    };
  const trusted = traced.filter(({ origin }) => origin.trusted);
  const success = trusted.find(({ run }) => run.conclusion === "success");
  const ignored = traced
    .filter(({ origin }) => !origin.trusted)
    .map(({ origin }) => (origin as { reason: string }).reason);
  const aside = ignored.length > 0 ? ` Not counted: ${ignored.join("; ")}.` : "";
  if (success && success.origin.trusted) {
    return {
      ...base,
      conclusion: "success",
      ok: true,
      url: success.run.html_url,
      message: `${at}: ${success.origin.description} concluded success.${aside}`,
    };
  }
  if (trusted.length > 0) {
    const { run } = trusted[0]!;
    return {
      ...base,
      conclusion: run.conclusion,
      ok: false,
      url: run.html_url,
      message: `${at}: the ${spec.workflow} job concluded ${run.conclusion ?? "nothing"}; it must be success.${aside}`,
    };
  }
  const none =
    traced.length === 0
      ? `no check run of that name exists`
      : `no run of that name is a job of ${spec.workflow} for this commit`;
  return {
    ...base,
    conclusion: "missing",
    ok: false,
    url: null,
    message: `${at}: ${none}; a gate that did not run there did not pass.${aside}`,
  };
}

async function listCheckRuns(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  sha: string,
  name: string,
): Promise<ListedCheckRun[]> {
  const found: ListedCheckRun[] = [];
  try {
    for (let page = 1; ; page++) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
        ...repository,
        ref: sha,
        check_name: name,
        filter: "all",
        per_page: 100,
        page,
      });
      const body = data as { total_count: number; check_runs: ListedCheckRun[] };
      // check_name is an exact filter on GitHub; the name is compared again so a stray match never counts.
      found.push(...body.check_runs.filter((run) => run.name === name));
      if (body.check_runs.length < 100 || page * 100 >= body.total_count) break;
    }
  } catch (error) {
    throw toGitHubApiError(`reading the check runs of ${sha}`, error, CHECKS_READ_HINT);
  }
  return found;
}
