import type { ActionResult } from "../report/action-result.js";
import { createCheckRun } from "./create-check-run.js";
import { createOctokit } from "./create-octokit.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { describeCommentAuthor, findCommentAuthor } from "./find-comment-author.js";
import type { CommentAuthor } from "./find-comment-author.js";
import type { SessionLog } from "./session-log.js";
import type { RunContext } from "./read-run-context.js";
import { readRepoFile } from "./read-repo-file.js";
import { toCheckRunInput } from "./to-check-run-input.js";
import { upsertStickyComment } from "./upsert-sticky-comment.js";

/** The GitHub operations a run performs, bound to its token and repository. Loaded on demand. */
export interface GitHubClient {
  readRepoFile(repoPath: string, ref: string): Promise<string | undefined>;
  upsertComment(issueNumber: number, result: ActionResult, markdown: string): Promise<string>;
  createCheckRun(headSha: string, result: ActionResult, markdown: string): Promise<void>;
  /** The account our comments and issues are written by: `comment-author`, else the token's own (asked once). */
  author(): Promise<CommentAuthor>;
  /** The client and repository, for the few writes only one action makes (issues, workflow dispatch). */
  octokit: ModelgateOctokit;
  repo: { owner: string; repo: string };
}

/** The hidden marker of contract §2; the whole string (with ` -->`) is matched so `churn` never finds `churn-v2`. */
export function commentMarker(result: ActionResult): string {
  return `<!-- modelgate:${result.action}:${result.key} -->`;
}

export function connectGitHub(options: {
  token: string;
  context: RunContext;
  commentAuthor: string | undefined;
  log: SessionLog;
}): GitHubClient {
  const { context, log } = options;
  const octokit = createOctokit({ token: options.token, baseUrl: context.apiUrl, log });
  const repo = { owner: context.owner, repo: context.repo };
  const author = async (): Promise<CommentAuthor> => {
    const found = await findCommentAuthor(octokit, { token: options.token, override: options.commentAuthor });
    log.debug(
      `Comments are ours when written by ${describeCommentAuthor(found)} (${found.source === "override" ? "comment-author" : "the token's GraphQL viewer"}).`,
    );
    return found;
  };
  return {
    octokit,
    repo,
    author,
    readRepoFile: (path, ref) => readRepoFile(octokit, { ...repo, path, ref }),
    async upsertComment(issueNumber, result, markdown) {
      const marker = commentMarker(result);
      const outcome = await upsertStickyComment(octokit, {
        ...repo,
        issueNumber,
        marker,
        body: `${marker}\n${markdown}`,
        author: await author(),
      });
      if (outcome.hidden > 0) log.info(`Our earlier PR comment was hidden; a fresh one was written.`);
      log.info(`PR comment ${outcome.outcome}: ${outcome.url}`);
      return outcome.url;
    },
    async createCheckRun(headSha, result, markdown) {
      const created = await createCheckRun(octokit, { ...repo, headSha, ...toCheckRunInput(result, markdown) });
      log.info(`Check run created: ${created.url}`);
    },
  };
}
