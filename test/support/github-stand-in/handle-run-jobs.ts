import { notFound } from "./error-bodies.js";
import { toNodeId, toSimpleUser } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";

const RUN_TIME = "2026-01-02T03:04:05Z";

/** `GET /repos/{owner}/{repo}/actions/jobs/{job_id}`: a job of a seeded run; 404 for any other id (an app's check run). */
export const getJob: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const job = repo.jobs.get(Number(params.job_id));
  const run = job && repo.runs.get(job.runId);
  if (!job || !run) return notFound(docs);
  const fullName = `${repo.owner}/${repo.repo}`;
  const done = job.conclusion !== null;
  return {
    status: 200,
    body: {
      id: job.id,
      run_id: run.id,
      run_url: `${urls.api}/repos/${fullName}/actions/runs/${run.id}`,
      run_attempt: 1,
      node_id: toNodeId("CR", job.id),
      head_sha: run.headSha,
      url: `${urls.api}/repos/${fullName}/actions/jobs/${job.id}`,
      html_url: `${urls.web}/${fullName}/actions/runs/${run.id}/job/${job.id}`,
      status: done ? "completed" : "in_progress",
      conclusion: job.conclusion,
      created_at: RUN_TIME,
      started_at: RUN_TIME,
      completed_at: done ? RUN_TIME : null,
      name: job.name,
      steps: [],
      check_run_url: `${urls.api}/repos/${fullName}/check-runs/${job.id}`,
      labels: ["ubuntu-latest"],
      runner_id: 7,
      runner_name: "GitHub Actions 7",
      runner_group_id: 0,
      runner_group_name: "GitHub Actions",
      workflow_name: "model gate",
      head_branch: run.headBranch,
    },
  };
};

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`: the reviews of the run's environment deployments. */
export const listRunApprovals: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const run = repo.runs.get(Number(params.run_id));
  if (!run) return notFound(docs);
  const environment = (name: string) => {
    const id = 160_000_000 + ([...name].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 1_000_000);
    return {
      id,
      node_id: toNodeId("EN", id),
      name,
      url: `${urls.api}/repos/${repo.owner}/${repo.repo}/environments/${encodeURIComponent(name)}`,
      html_url: `${urls.web}/${repo.owner}/${repo.repo}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
      created_at: "2025-01-01T00:00:00Z",
      updated_at: "2025-01-01T00:00:00Z",
    };
  };
  const body = (run.approvals ?? []).map((approval) => ({
    environments: [environment(approval.environment)],
    state: approval.state,
    user: toSimpleUser(approval.login, "User", urls),
    comment: approval.comment ?? "",
  }));
  return { status: 200, body };
};
