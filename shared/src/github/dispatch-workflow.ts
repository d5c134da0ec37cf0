import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

const ACTIONS_WRITE_HINT =
  "Give the job `permissions: actions: write` to start the workflow, and declare the inputs it is given under its on.workflow_dispatch.inputs.";

/**
 * Starts `workflow` on `ref` with `workflow_dispatch`. Events created with GITHUB_TOKEN (tags, releases, deployments)
 * start no other workflow, so a deployment workflow is started explicitly. The workflow must declare every input.
 */
export async function dispatchWorkflow(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  input: { workflow: string; ref: string; inputs: Record<string, string> },
): Promise<void> {
  try {
    await octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
      ...repository,
      workflow_id: input.workflow,
      ref: input.ref,
      inputs: input.inputs,
    });
  } catch (error) {
    throw toGitHubApiError(`starting workflow ${input.workflow} on ${input.ref}`, error, ACTIONS_WRITE_HINT);
  }
}
