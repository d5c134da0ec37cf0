import { GitHubApiError } from "../core/modelgate-error.js";

/**
 * Turns whatever Octokit threw (a RequestError after its retries, or a network error) into a GitHubApiError that
 * names the operation and the HTTP status. `permissionHint` is the fix for 401/403/404, where GitHub hides
 * missing permissions behind "Not Found" for private repositories.
 */
export function toGitHubApiError(operation: string, error: unknown, permissionHint: string): GitHubApiError {
  const status = readStatus(error);
  const detail = readMessage(error);
  const message =
    status === undefined
      ? `GitHub API: ${operation} failed: ${detail}`
      : `GitHub API: ${operation} failed with HTTP ${status}: ${detail}`;
  return new GitHubApiError(message, hintFor(status, error, permissionHint), status, { cause: error });
}

/** The HTTP status of an Octokit RequestError, read by shape so we need not import @octokit/request-error. */
export function readStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}

function readMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function hintFor(status: number | undefined, error: unknown, permissionHint: string): string {
  if ((status === 403 || status === 429) && isRateLimit(error)) {
    return "GitHub's rate limit was hit and retries ran out; re-run the job later, or run fewer API-heavy jobs at once.";
  }
  if (status === 401)
    return "The token was rejected: check the github-token input (an expired or revoked token gives 401).";
  if (status === 403 || status === 404) return permissionHint;
  if (status !== undefined && status >= 500)
    return "GitHub answered with a server error after retries; re-run the job.";
  // GraphQL answers a query it refuses with 200 and `errors`: GitHub was reached and said no.
  if (status === undefined && error instanceof Error && error.name === "GraphqlResponseError") return permissionHint;
  if (status === undefined)
    return "GitHub could not be reached; check GITHUB_API_URL and the runner's network or proxy settings.";
  return permissionHint;
}

function isRateLimit(error: unknown): boolean {
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers;
  return headers?.["x-ratelimit-remaining"] === "0" || /rate limit/i.test(readMessage(error));
}
