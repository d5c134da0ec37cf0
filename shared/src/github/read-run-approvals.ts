import type { ApprovalEvidence } from "../registry/check-rollback-environment.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** `GET /actions/runs/{run_id}/approvals`: the reviews of this run's environment deployments. @throws GitHubApiError */
export async function readRunApprovals(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  runId: number | undefined,
): Promise<ApprovalEvidence> {
  if (runId === undefined) return { unavailable: "cannot be shown outside a workflow run (GITHUB_RUN_ID is not set)" };
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals", {
      ...repository,
      run_id: runId,
    });
    const approvals = (
      data as Array<{ state: string; user: { login: string }; environments: Array<{ name?: string }> }>
    ).map((a) => ({
      state: a.state,
      user: a.user.login,
      environments: a.environments.map((e) => e.name ?? "").filter((n) => n !== ""),
    }));
    return { runId, approvals };
  } catch (error) {
    throw toGitHubApiError(
      `reading the approvals of workflow run ${runId}`,
      error,
      "Give the job `permissions: actions: read` so the rollback run's environment approvals can be read.",
    );
  }
}
