import type { ActionResult } from "../report/action-result.js";
import { createCheckRun } from "./create-check-run.js";
import { createOctokit } from "./create-octokit.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { findCommentAuthor } from "./find-comment-author.js";
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
  /** The client and repository, for the few writes only one action makes (issues, workflow dispatch). */
  octokit: ModelgateOctokit;
  repo: { owner: string; repo: string };
}

/** The hidden marker of contract §2; the whole string (with ` -->`) is matched so `churn` never finds `churn-v2`. */
export function commentMarker(result: ActionResult): string {
  return `<!-- modelgate:${result.action}:${result.key} -->`;
}

export function connectGitHub(options: { token: string; context: RunContext; commentAuthor: string | undefined; log: SessionLog }): GitHubClient {
  const { context, log } = options;
  const octokit = createOctokit({ token: options.token, baseUrl: context.apiUrl, log });
  const repo = { owner: context.owner, repo: context.repo };
  return {
    octokit,
    repo,
    readRepoFile: (path, ref) => readRepoFile(octokit, { ...repo, path, ref }),
    async upsertComment(issueNumber, result, markdown) {
      const authorLogin = await findCommentAuthor(octokit, { token: options.token, override: options.commentAuthor });
      const marker = commentMarker(result);
      const outcome = await upsertStickyComment(octokit, { ...repo, issueNumber, marker, body: `${marker}\n${markdown}`, authorLogin });
      log.info(`PR comment ${outcome.outcome}: ${outcome.url}`);
      return outcome.url;
    },
    async createCheckRun(headSha, result, markdown) {
      const created = await createCheckRun(octokit, { ...repo, headSha, ...toCheckRunInput(result, markdown) });
      log.info(`Check run created: ${created.url}`);
    },
  };
}
