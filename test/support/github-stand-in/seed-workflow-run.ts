import type { StandInState } from "./stand-in-state.js";
import type { CheckRun, SeedCheckRun, SeedWorkflowRun } from "./stand-in-types.js";

const RUN_TIME = "2026-01-02T03:04:05Z";

/**
 * Stores a finished workflow run and its jobs. Each job gets a check run with the same id, owned by the GitHub
 * Actions app and in the run's check suite, as GitHub creates them; returns the jobs' ids.
 */
export function seedWorkflowRun(state: StandInState, owner: string, repo: string, run: SeedWorkflowRun): number[] {
  const target = state.repo(owner, repo);
  target.runs.set(run.id, structuredClone(run));
  target.commits.add(run.headSha);
  const suite = run.checkSuiteId ?? run.id + 1;
  return (run.jobs ?? []).map((job) => {
    const id = state.checkRunId();
    target.jobs.set(id, { ...job, id, runId: run.id });
    target.checkRuns.push(
      toCheckRun(id, { name: job.name, headSha: run.headSha, conclusion: job.conclusion }, "github-actions", suite),
    );
    return id;
  });
}

/** Stores a check run that no job stands behind: another app's, or one made through the API. */
export function seedCheckRun(state: StandInState, owner: string, repo: string, run: SeedCheckRun): number {
  const target = state.repo(owner, repo);
  target.commits.add(run.headSha);
  const id = state.checkRunId();
  target.checkRuns.push(toCheckRun(id, run, run.app ?? "github-actions", run.checkSuiteId ?? state.checkSuiteId()));
  return id;
}

function toCheckRun(
  id: number,
  run: Pick<SeedCheckRun, "name" | "headSha" | "conclusion">,
  app: string,
  suite: number,
): CheckRun {
  const done = run.conclusion !== null;
  return {
    id,
    name: run.name,
    head_sha: run.headSha,
    status: done ? "completed" : "in_progress",
    conclusion: run.conclusion,
    started_at: RUN_TIME,
    completed_at: done ? RUN_TIME : null,
    details_url: null,
    external_id: "",
    output: { title: null, summary: null, text: null },
    annotations: [],
    created_by: `${app}[bot]`,
    app_slug: app,
    check_suite_id: suite,
  };
}
