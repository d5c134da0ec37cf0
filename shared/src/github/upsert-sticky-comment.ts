import { GitHubApiError } from "../core/modelgate-error.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import type { CommentAuthor } from "./find-comment-author.js";
import { isCommentAuthor } from "./find-comment-author.js";
import { readHiddenComments } from "./read-hidden-comments.js";
import { toGitHubApiError } from "./to-github-api-error.js";

export interface StickyCommentInput {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The whole marker, e.g. `<!-- modelgate:evaluate-gate:churn -->`; matched with its ` -->` so `churn` never finds `churn-v2`. */
  marker: string;
  /** The full comment body; it must contain the marker so the next run finds it. */
  body: string;
  /** Only comments by this account are ours; anyone else can paste our marker into their own comment. */
  author: CommentAuthor;
}

export interface StickyCommentOutcome {
  outcome: "created" | "updated" | "unchanged";
  id: number;
  url: string;
  /** How many of our earlier comments were found hidden (minimized) and left as they are. */
  hidden: number;
}

const WRITE_HINT =
  "Grant `pull-requests: write` (or `issues: write`) to the job, or use the fork-safe workflow_run pattern: " +
  "pull requests from forks get a read-only GITHUB_TOKEN.";

interface FoundComment {
  id: number;
  node_id: string;
  body?: string;
  html_url: string;
}

/**
 * Creates our comment on an issue or PR, or updates it in place, or leaves it alone when the body is unchanged.
 * Searches every page (100 at a time, stopping at our first visible comment): busy PRs push our comment past page
 * one. A comment of ours that a maintainer hid (minimized, read through GraphQL `isMinimized`) is never updated,
 * since the new verdict would stay hidden: a fresh comment is written, saying the earlier one was hidden.
 * @throws GitHubApiError naming the operation and HTTP status when GitHub refuses or fails.
 */
export async function upsertStickyComment(
  octokit: ModelgateOctokit,
  input: StickyCommentInput,
): Promise<StickyCommentOutcome> {
  const { owner, repo, issueNumber, marker } = input;
  const where = `${owner}/${repo}#${issueNumber}`;
  let found: FoundComment | undefined;
  const hidden: Array<{ reason: string | null }> = [];
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      const ours = page.data.filter(
        (comment) => isCommentAuthor(comment.user?.login, input.author) && (comment.body ?? "").includes(marker),
      );
      if (ours.length === 0) continue;
      const states = await readHiddenComments(
        octokit,
        ours.map((comment) => comment.node_id),
      );
      for (const comment of ours) {
        const state = states.get(comment.node_id);
        if (state) hidden.push(state);
        else {
          found = comment;
          break;
        }
      }
      if (found) break;
    }
  } catch (error) {
    if (error instanceof GitHubApiError) throw error;
    throw toGitHubApiError(`listing comments on ${where}`, error, WRITE_HINT);
  }
  const body = hidden.length === 0 ? input.body : input.body.replace(marker, `${marker}\n${hiddenNote(hidden)}`);
  if (found && found.body === body)
    return { outcome: "unchanged", id: found.id, url: found.html_url, hidden: hidden.length };
  try {
    if (found) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: found.id, body });
      return { outcome: "updated", id: data.id, url: data.html_url, hidden: hidden.length };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { outcome: "created", id: data.id, url: data.html_url, hidden: hidden.length };
  } catch (error) {
    throw toGitHubApiError(
      `${found ? `updating comment ${found.id}` : "creating a comment"} on ${where}`,
      error,
      WRITE_HINT,
    );
  }
}

/** The line a fresh comment opens with when our earlier one was hidden; the reason is GitHub's word, checked. */
export function hiddenNote(hidden: ReadonlyArray<{ reason: string | null }>): string {
  const reasons = [
    ...new Set(hidden.map((h) => h.reason).filter((r): r is string => r !== null && /^[a-z][a-z_ -]{0,30}$/.test(r))),
  ].sort();
  const why = reasons.length === 0 ? "" : ` (marked ${reasons.join(", ")})`;
  const what =
    hidden.length === 1
      ? "The earlier report of this gate was hidden"
      : `${hidden.length} earlier reports of this gate were hidden`;
  return `> [!NOTE]\n> ${what}${why}, so this is a fresh comment with the current report; hidden comments are left as they are.\n`;
}
