import { toCanonicalJson } from "../core/canonical-json.js";
import { DataError } from "../core/modelgate-error.js";
import { worstVerdict } from "../core/verdict.js";
import type { Verdict } from "../core/verdict.js";
import type { PublishInputs } from "../publish/publish-inputs.js";
import type { PublishedResult } from "../publish/published-result-schema.js";
import { readResultArtifact } from "../publish/read-result-artifact.js";
import { escapeMarkdown } from "../report/escape-markdown.js";
import { renderCombinedMarkdown, renderGenericMarkdown } from "../report/render-generic-markdown.js";

/** What publishing reads of the finished run, as the API describes it; never from an artifact. */
export interface PublishedRunFacts {
  id: number;
  event: string;
  headSha: string;
  /** `owner/name` of the repository the head commit came from (a fork's, for fork pull requests). */
  headRepository: string | null;
}

/** The comments the edge wrote, found unchanged, or updated. */
export interface PostedComment {
  marker: string;
  outcome: "created" | "updated" | "unchanged";
  url: string;
}

/**
 * What publish-reports' edge provides (the action's and the command line's are both the GitHub API): the run's facts
 * and its pull request, the run's artifacts, and the sticky comment, written only by the edge's own account. `Run`
 * is the edge's own description of the run, handed back to it to find the pull request.
 */
export interface PublishReportsEdge<Run extends PublishedRunFacts = PublishedRunFacts> {
  /** The base repository the run belongs to, and the server its links point at. */
  where: { owner: string; repo: string; serverUrl: string };
  readRun(runId: number): Promise<Run>;
  /** The open pull request whose head is the run's; undefined when there is none any more. */
  findPullRequest(run: Run): Promise<number | undefined>;
  /** The zips of the run's artifacts matching `selection.name` (exact, or a prefix ending in `*`), sorted by name. */
  downloadArtifacts(
    runId: number,
    selection: { name: string; maxBytes: number; maxArtifacts: number },
  ): Promise<Array<{ name: string; zip: Buffer }>>;
  /** Creates, updates or leaves alone the comment carrying `marker`; `body` starts with the marker. */
  upsertComment(pullRequest: number, marker: string, body: string): Promise<Omit<PostedComment, "marker">>;
  log: { warning(message: string): void; info(message: string): void };
}

export interface PublishOutcome {
  run: PublishedRunFacts;
  pullRequest: number | undefined;
  results: PublishedResult[];
  comments: PostedComment[];
  /** Every result in one report (the job summary), or why nothing was published. */
  markdown: string;
  /** The worst verdict among the results; pass when none. The pull request run's claim: it gates nothing. */
  verdict: Verdict;
}

/** Compressed bytes of one artifact and artifacts per run that are read at all. */
const ARTIFACT_LIMITS = { maxBytes: 8 * 1024 * 1024, maxArtifacts: 20 };

/**
 * publish-reports, the second half of the fork-safe pattern: finds the pull request of a finished `pull_request`
 * run, reads the run's result artifacts, checks every result (the pull request's code wrote them), and writes
 * comments re-rendered from the checked data: one per action and key, or one for all with `combine`. Nothing is
 * published when the run was no pull request's, its pull request is gone, or it left no results. The action and
 * the CLI both run this.
 * @throws GitHubApiError, DataError: a refused artifact or result publishes nothing.
 */
export async function runPublishReports<Run extends PublishedRunFacts>(
  inputs: Pick<PublishInputs, "runId" | "artifactName" | "combine" | "key"> & { dryRun?: boolean },
  edge: PublishReportsEdge<Run>,
): Promise<PublishOutcome> {
  const { owner, repo, serverUrl } = edge.where;
  const run = await edge.readRun(inputs.runId);
  const skip = (why: string, pullRequest?: number): PublishOutcome => {
    edge.log.warning(why);
    return {
      run,
      pullRequest,
      results: [],
      comments: [],
      markdown: `### modelgate · nothing published\n\n${why}\n`,
      verdict: "pass",
    };
  };
  if (run.event !== "pull_request")
    return skip(
      `Workflow run ${run.id} ran on ${run.event}, not pull_request; there is no pull request to publish to.`,
    );
  const pullRequest = await edge.findPullRequest(run);
  if (pullRequest === undefined) {
    return skip(
      `No open pull request has the head of workflow run ${run.id} (${run.headSha.slice(0, 12)}); it was closed or has new commits, so its results are not published.`,
    );
  }
  const results = await readRunResults(edge, inputs.artifactName, run.id);
  if (results.length === 0)
    return skip(`Workflow run ${run.id} has no result JSONs in artifacts named "${inputs.artifactName}".`, pullRequest);
  const from =
    run.headRepository !== null && run.headRepository !== `${owner}/${repo}`
      ? ` from the fork ${escapeMarkdown(run.headRepository)}`
      : "";
  const footer = `<sub>Published for #${pullRequest} from the results [workflow run ${run.id}](${serverUrl}/${owner}/${repo}/actions/runs/${run.id}) reported at \`${run.headSha.slice(0, 12)}\`${from}. That run executed the pull request's code, so its verdicts and the policy it names are its claims, re-rendered from checked fields; what gates the merge is the required check, never this comment.</sub>`;
  const markdown = renderCombinedMarkdown(results, footer);
  const verdict = worstVerdict(results.map((result) => result.verdict));
  const bodies = inputs.combine
    ? [{ marker: `<!-- modelgate:combined:${inputs.key} -->`, markdown }]
    : results.map((result) => ({
        marker: `<!-- modelgate:${result.action}:${result.key} -->`,
        markdown: renderGenericMarkdown(result, footer),
      }));
  if (inputs.dryRun) return { run, pullRequest, results, comments: [], markdown, verdict };
  const comments: PostedComment[] = [];
  for (const body of bodies) {
    const posted = await edge.upsertComment(pullRequest, body.marker, `${body.marker}\n${body.markdown}`);
    edge.log.info(`PR #${pullRequest} comment ${posted.outcome}: ${posted.url}`);
    comments.push({ marker: body.marker, outcome: posted.outcome, url: posted.url });
  }
  return { run, pullRequest, results, comments, markdown, verdict };
}

/** What was published, byte-stable (`modelgate.publish/v1`): the checked results (never an artifact's markdown) and the comments. */
export function toPublishJson(outcome: PublishOutcome): string {
  return toCanonicalJson({
    schema: "modelgate.publish/v1",
    run_id: outcome.run.id,
    head_sha: outcome.run.headSha,
    pull_request: outcome.pullRequest ?? null,
    results: outcome.results,
    comments: outcome.comments,
  });
}

/** Every result of the run's artifacts, checked; two results for one action and key would share a comment. */
async function readRunResults(
  edge: Pick<PublishReportsEdge, "downloadArtifacts">,
  artifactName: string,
  runId: number,
): Promise<PublishedResult[]> {
  const artifacts = await edge.downloadArtifacts(runId, { name: artifactName, ...ARTIFACT_LIMITS });
  const results = artifacts.flatMap((artifact) => readResultArtifact(artifact.zip, JSON.stringify(artifact.name)));
  const seen = new Set<string>();
  for (const result of results) {
    const id = `${result.action}:${result.key}`;
    if (seen.has(id)) {
      throw new DataError(
        `Workflow run ${runId} has two results for ${id}; they would overwrite one comment.`,
        "Give each gate of the run its own key input.",
        { input: "artifact-name" },
      );
    }
    seen.add(id);
  }
  return results;
}
