import * as core from "@actions/core";
import { GitHubApiError } from "../core/modelgate-error.js";
import type { PublishInputs } from "../publish/publish-inputs.js";
import type { PublishReportsEdge } from "../use-cases/run-publish-reports.js";
import type { RunFacts } from "./find-run-pull-request.js";
import { openPublishEdge } from "./open-publish-edge.js";
import type { PublishRun } from "./run-publish-action.js";

/**
 * publish-reports' edge in an action: the API of the run's repository with the step's github-token, masked in the
 * job log before any request.
 * @throws GitHubApiError when no github-token was given (it reads the other run's artifacts).
 */
export function publishReportsEdge(run: PublishRun, inputs: PublishInputs): PublishReportsEdge<RunFacts> {
  if (!inputs.githubToken)
    throw new GitHubApiError(
      "No github-token was given, so modelgate cannot read the run's artifacts.",
      "Keep the default github-token (${{ github.token }}).",
    );
  core.setSecret(inputs.githubToken);
  const { owner, repo, apiUrl, serverUrl } = run.context;
  return openPublishEdge({
    owner,
    repo,
    apiUrl,
    serverUrl,
    token: inputs.githubToken,
    commentAuthor: inputs.commentAuthor,
    log: run.log,
  });
}
