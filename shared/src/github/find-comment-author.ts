import type { ModelgateOctokit } from "./create-octokit.js";
import { readStatus, toGitHubApiError } from "./to-github-api-error.js";

/** The login of comments written with GITHUB_TOKEN. */
export const GITHUB_ACTIONS_LOGIN = "github-actions[bot]";

/**
 * Decides which login our sticky comments are written by, so we only ever adopt our own comment.
 * Installation tokens (`ghs_`) cannot call `GET /user` (GitHub answers 403), so for them we assume GITHUB_TOKEN's
 * bot; a token from another GitHub App writes as `<app-slug>[bot]` and needs `override` to be found again.
 * @throws GitHubApiError when `GET /user` fails with anything but 401/403.
 */
export async function findCommentAuthor(octokit: ModelgateOctokit, options: { token: string; override?: string | undefined }): Promise<string> {
  const override = options.override?.trim();
  if (override) return override;
  if (options.token.startsWith("ghs_")) return GITHUB_ACTIONS_LOGIN;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = readStatus(error);
    if (status === 401 || status === 403) return GITHUB_ACTIONS_LOGIN;
    throw toGitHubApiError("reading the token's user (GET /user)", error, "Set the comment-author input to the login the comments are written by.");
  }
}
