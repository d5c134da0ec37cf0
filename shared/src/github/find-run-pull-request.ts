import { GitHubApiError } from "../core/modelgate-error.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** What GitHub says about the run whose results are published; read from the API, never from an artifact. */
export interface RunFacts {
  id: number;
  event: string;
  headSha: string;
  headBranch: string | null;
  /** `owner/name` of the repository the head commit came from (a fork's, for fork pull requests). */
  headRepository: string | null;
  htmlUrl: string;
  /** Pull requests GitHub links to the run; empty for runs of fork pull requests. */
  pullRequests: Array<{ number: number; headSha: string; baseRepoId: number }>;
  repositoryId: number;
}

/** A pull request as listed by `GET /repos/{owner}/{repo}/pulls`, reduced to what identifies its head. */
export interface OpenPull {
  number: number;
  headSha: string;
  headRef: string;
  headRepository: string | null;
}

const READ_HINT = "Grant `actions: read` (artifacts and runs) and `pull-requests: read` to the publishing job.";

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. @throws GitHubApiError */
export async function readRunFacts(
  octokit: ModelgateOctokit,
  repo: { owner: string; repo: string },
  runId: number,
): Promise<RunFacts> {
  try {
    const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
    return {
      id: data.id,
      event: data.event,
      headSha: data.head_sha,
      headBranch: data.head_branch,
      headRepository: data.head_repository?.full_name ?? null,
      htmlUrl: data.html_url,
      pullRequests: (data.pull_requests ?? []).map((pr) => ({
        number: pr.number,
        headSha: pr.head.sha,
        baseRepoId: pr.base.repo.id,
      })),
      repositoryId: data.repository.id,
    };
  } catch (error) {
    throw toGitHubApiError(`reading workflow run ${runId}`, error, READ_HINT);
  }
}

/**
 * The pull request a `pull_request` run belongs to. GitHub links same-repository pull requests to the run
 * (`pull_requests`); for a fork's pull request that list is empty, so the base repository's open pull requests
 * are searched for the one whose head is the run's commit, branch and repository. A number found in an artifact
 * is never used: the artifact is written by the pull request's own code. Undefined when no open pull request
 * has that head any more (closed, or pushed to since: those results are stale).
 * @throws GitHubApiError when the API fails or when several open pull requests share that head.
 */
export async function findRunPullRequest(
  octokit: ModelgateOctokit,
  repo: { owner: string; repo: string },
  run: RunFacts,
): Promise<number | undefined> {
  const linked = run.pullRequests.filter((pr) => pr.baseRepoId === run.repositoryId && pr.headSha === run.headSha);
  if (linked.length === 1) return linked[0]!.number;
  if (!run.headRepository || !run.headBranch) return undefined;
  let open: OpenPull[];
  try {
    // `head` narrows the list to the head repository owner's branch; the exact match is still checked below.
    const head = `${run.headRepository.split("/")[0]}:${run.headBranch}`;
    const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: "open", head, per_page: 100 });
    open = pulls.map((pr) => ({
      number: pr.number,
      headSha: pr.head.sha,
      headRef: pr.head.ref,
      headRepository: pr.head.repo?.full_name ?? null,
    }));
  } catch (error) {
    throw toGitHubApiError("listing open pull requests", error, READ_HINT);
  }
  return choosePullRequest(run, open);
}

/** The one open pull request whose head is exactly the run's; see `findRunPullRequest`. */
export function choosePullRequest(run: RunFacts, open: readonly OpenPull[]): number | undefined {
  const matches = open.filter(
    (pr) =>
      pr.headSha === run.headSha &&
      pr.headRef === run.headBranch &&
      pr.headRepository !== null &&
      pr.headRepository === run.headRepository,
  );
  if (matches.length > 1) {
    throw new GitHubApiError(
      `Open pull requests ${matches.map((pr) => `#${pr.number}`).join(", ")} all have the run's head (${run.headRepository}:${run.headBranch} at ${run.headSha.slice(0, 12)}); modelgate will not guess which one the results belong to.`,
      "Close the duplicate pull request, or publish from the pull_request run itself on a same-repository branch.",
    );
  }
  return matches[0]?.number;
}
