import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

const DEPLOYMENTS_WRITE_HINT =
  "Give the job `permissions: deployments: write` to record the deployment of the promoted version.";

/**
 * Records a GitHub Deployment of `sha` to `environment` with a `success` status. The registry's own checks already
 * judged the commit, so `required_contexts` is empty and nothing is merged (`auto_merge: false`).
 * @returns the deployment's id.
 */
export async function recordDeployment(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  input: {
    sha: string;
    environment: string;
    description: string;
    payload: Record<string, string>;
    logUrl: string | null;
  },
): Promise<number> {
  try {
    const { data } = await octokit.request("POST /repos/{owner}/{repo}/deployments", {
      ...repository,
      ref: input.sha,
      environment: input.environment,
      description: input.description,
      payload: input.payload,
      auto_merge: false,
      required_contexts: [],
    });
    const id = (data as { id: number }).id;
    await octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      ...repository,
      deployment_id: id,
      state: "success",
      description: input.description.slice(0, 140),
      ...(input.logUrl === null ? {} : { log_url: input.logUrl }),
    });
    return id;
  } catch (error) {
    throw toGitHubApiError(`recording a deployment to ${input.environment}`, error, DEPLOYMENTS_WRITE_HINT);
  }
}
