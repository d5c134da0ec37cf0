import type { PublishReportsEdge } from "../use-cases/run-publish-reports.js";
import { createOctokit } from "./create-octokit.js";
import { downloadRunArtifacts } from "./download-run-artifacts.js";
import { findCommentAuthor } from "./find-comment-author.js";
import { findRunPullRequest, readRunFacts } from "./find-run-pull-request.js";
import type { RunFacts } from "./find-run-pull-request.js";
import type { SessionLog } from "./session-log.js";
import { upsertStickyComment } from "./upsert-sticky-comment.js";

export interface PublishEdgeOptions {
  owner: string;
  repo: string;
  token: string;
  apiUrl: string;
  serverUrl: string;
  /** The `comment-author` login; by default the token's own account. */
  commentAuthor: string | undefined;
  log: SessionLog;
}

/**
 * publish-reports' edge over the GitHub API, for the action and the command line alike: the run and its pull request
 * (`readRunFacts`, `findRunPullRequest`), its artifacts (`downloadRunArtifacts`), and sticky comments written as the
 * comment author, who is found once, before the first write.
 */
export function openPublishEdge(options: PublishEdgeOptions): PublishReportsEdge<RunFacts> {
  const { log } = options;
  const repo = { owner: options.owner, repo: options.repo };
  const octokit = createOctokit({ token: options.token, baseUrl: options.apiUrl, log });
  return {
    where: { ...repo, serverUrl: options.serverUrl },
    readRun: (runId) => readRunFacts(octokit, repo, runId),
    findPullRequest: (run) => findRunPullRequest(octokit, repo, run),
    downloadArtifacts: (runId, selection) => downloadRunArtifacts(octokit, repo, runId, selection),
    async upsertComment(pullRequest, marker, body) {
      // Asked of GitHub once per client, however many comments are written.
      const author = await findCommentAuthor(octokit, { token: options.token, override: options.commentAuthor });
      const posted = await upsertStickyComment(octokit, { ...repo, issueNumber: pullRequest, marker, body, author });
      return { outcome: posted.outcome, url: posted.url };
    },
    log,
  };
}
