import { DataError } from "../core/modelgate-error.js";
import type { PublishedResult } from "../publish/published-result-schema.js";
import { readResultArtifact } from "../publish/read-result-artifact.js";
import { renderCombinedMarkdown, renderGenericMarkdown } from "../report/render-generic-markdown.js";
import { escapeMarkdown } from "../report/escape-markdown.js";
import { createOctokit } from "./create-octokit.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { downloadRunArtifacts } from "./download-run-artifacts.js";
import { findCommentAuthor } from "./find-comment-author.js";
import { findRunPullRequest, readRunFacts } from "./find-run-pull-request.js";
import type { RunFacts } from "./find-run-pull-request.js";
import type { SessionLog } from "./session-log.js";
import { upsertStickyComment } from "./upsert-sticky-comment.js";

export interface PublishRequest {
  owner: string;
  repo: string;
  token: string;
  apiUrl: string;
  serverUrl: string;
  runId: number;
  artifactName: string;
  /** One comment for all results (marker `<!-- modelgate:combined:<key> -->`) instead of one per action and key. */
  combine: boolean;
  key: string;
  commentAuthor: string | undefined;
  /** Check and render, but write no comment. */
  dryRun?: boolean;
  log: SessionLog;
}

export interface PostedComment {
  marker: string;
  outcome: "created" | "updated" | "unchanged";
  url: string;
}

export interface PublishOutcome {
  run: RunFacts;
  pullRequest: number | undefined;
  results: PublishedResult[];
  comments: PostedComment[];
  /** Every result in one report (the job summary), or why nothing was published. */
  markdown: string;
}

/** Compressed bytes of one artifact and artifacts per run that are read at all. */
export const ARTIFACT_LIMITS = { maxBytes: 8 * 1024 * 1024, maxArtifacts: 20 };

/**
 * The second half of the fork-safe pattern: finds the pull request of a finished `pull_request` run through the
 * API, downloads the run's result artifacts, checks every result (they were written by the pull request's code),
 * and posts comments re-rendered from the checked data: one per action and key, or one for all with `combine`.
 * @throws GitHubApiError, DataError: a refused artifact or result publishes nothing.
 */
export async function publishRunResults(request: PublishRequest): Promise<PublishOutcome> {
  const { log } = request;
  const repo = { owner: request.owner, repo: request.repo };
  const octokit = createOctokit({ token: request.token, baseUrl: request.apiUrl, log });
  const run = await readRunFacts(octokit, repo, request.runId);
  const skip = (why: string): PublishOutcome => {
    log.warning(why);
    return {
      run,
      pullRequest: undefined,
      results: [],
      comments: [],
      markdown: `### modelgate · nothing published\n\n${why}\n`,
    };
  };
  if (run.event !== "pull_request")
    return skip(
      `Workflow run ${run.id} ran on ${run.event}, not pull_request; there is no pull request to publish to.`,
    );
  const pullRequest = await findRunPullRequest(octokit, repo, run);
  if (pullRequest === undefined) {
    return skip(
      `No open pull request has the head of workflow run ${run.id} (${run.headSha.slice(0, 12)}); it was closed or has new commits, so its results are not published.`,
    );
  }
  const results = await readRunResults(octokit, request, run);
  if (results.length === 0)
    return {
      ...skip(`Workflow run ${run.id} has no result JSONs in artifacts named "${request.artifactName}".`),
      pullRequest,
    };
  const from =
    run.headRepository !== null && run.headRepository !== `${request.owner}/${request.repo}`
      ? ` from the fork ${escapeMarkdown(run.headRepository)}`
      : "";
  const footer = `<sub>Published for #${pullRequest} from the results [workflow run ${run.id}](${request.serverUrl}/${request.owner}/${request.repo}/actions/runs/${run.id}) reported at \`${run.headSha.slice(0, 12)}\`${from}. That run executed the pull request's code, so its verdicts and the policy it names are its claims, re-rendered from checked fields; what gates the merge is the required check, never this comment.</sub>`;
  const markdown = renderCombinedMarkdown(results, footer);
  const bodies = request.combine
    ? [{ marker: `<!-- modelgate:combined:${request.key} -->`, markdown }]
    : results.map((result) => ({
        marker: `<!-- modelgate:${result.action}:${result.key} -->`,
        markdown: renderGenericMarkdown(result, footer),
      }));
  if (request.dryRun) return { run, pullRequest, results, comments: [], markdown };
  const author = await findCommentAuthor(octokit, { token: request.token, override: request.commentAuthor });
  const comments: PostedComment[] = [];
  for (const body of bodies) {
    const posted = await upsertStickyComment(octokit, {
      ...repo,
      issueNumber: pullRequest,
      marker: body.marker,
      body: `${body.marker}\n${body.markdown}`,
      author,
    });
    log.info(`PR #${pullRequest} comment ${posted.outcome}: ${posted.url}`);
    comments.push({ marker: body.marker, outcome: posted.outcome, url: posted.url });
  }
  return { run, pullRequest, results, comments, markdown };
}

async function readRunResults(
  octokit: ModelgateOctokit,
  request: PublishRequest,
  run: RunFacts,
): Promise<PublishedResult[]> {
  const artifacts = await downloadRunArtifacts(octokit, request, run.id, {
    name: request.artifactName,
    ...ARTIFACT_LIMITS,
  });
  const results = artifacts.flatMap((artifact) => readResultArtifact(artifact.zip, JSON.stringify(artifact.name)));
  const seen = new Set<string>();
  for (const result of results) {
    const id = `${result.action}:${result.key}`;
    if (seen.has(id)) {
      throw new DataError(
        `Workflow run ${run.id} has two results for ${id}; they would overwrite one comment.`,
        "Give each gate of the run its own key input.",
        { input: "artifact-name" },
      );
    }
    seen.add(id);
  }
  return results;
}
