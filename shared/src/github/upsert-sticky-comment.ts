import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

export interface StickyCommentInput {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The whole marker, e.g. `<!-- modelgate:evaluate-gate:churn -->`; matched with its ` -->` so `churn` never finds `churn-v2`. */
  marker: string;
  /** The full comment body; it must contain the marker so the next run finds it. */
  body: string;
  /** Only comments by this login are ours; anyone else can paste our marker into their own comment. */
  authorLogin: string;
}

export interface StickyCommentOutcome {
  outcome: "created" | "updated" | "unchanged";
  id: number;
  url: string;
}

const WRITE_HINT =
  "Grant `pull-requests: write` (or `issues: write`) to the job, or use the fork-safe workflow_run pattern: " +
  "pull requests from forks get a read-only GITHUB_TOKEN.";

/**
 * Creates our comment on an issue or PR, or updates it in place, or leaves it alone when the body is unchanged.
 * Searches every page (100 at a time, stopping at the first match): busy PRs push our comment past page one.
 * @throws GitHubApiError naming the operation and HTTP status when GitHub refuses or fails.
 */
export async function upsertStickyComment(octokit: ModelgateOctokit, input: StickyCommentInput): Promise<StickyCommentOutcome> {
  const { owner, repo, issueNumber, marker, body } = input;
  const where = `${owner}/${repo}#${issueNumber}`;
  // GitHub logins are case-insensitive; an override typed "My-App[bot]" must still find "my-app[bot]".
  const author = input.authorLogin.toLowerCase();
  let found: { id: number; body?: string; html_url: string } | undefined;
  try {
    await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }, (response, done) => {
      found = response.data.find((comment) => comment.user?.login.toLowerCase() === author && (comment.body ?? "").includes(marker));
      if (found) done();
      return [];
    });
  } catch (error) {
    throw toGitHubApiError(`listing comments on ${where}`, error, WRITE_HINT);
  }
  if (found && found.body === body) return { outcome: "unchanged", id: found.id, url: found.html_url };
  try {
    if (found) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
      return { outcome: "updated", id: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { outcome: "created", id: data.id, url: data.html_url };
  } catch (error) {
    throw toGitHubApiError(`${found ? `updating comment ${found.id}` : "creating a comment"} on ${where}`, error, WRITE_HINT);
  }
}
