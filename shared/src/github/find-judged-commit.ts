import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** The commit whose checks decide a promotion, and how it was found. */
export interface JudgedCommit {
  sha: string;
  /** The pull request merged as the pushed commit; null for a direct push. */
  pullNumber: number | null;
  /** The branch the pull request was merged into, or the branch pushed to. */
  baseRef: string;
  /** The base branch's commit the pull request was judged against (its policy decides); null for a direct push. */
  baseSha: string | null;
  /** The pull request's head: where its `pull_request` runs came from (null for a direct push). */
  head: { ref: string; repository: string | null } | null;
}

interface PullSimple {
  number: number;
  merge_commit_sha: string | null;
  merged_at: string | null;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string; sha: string };
}

const PULLS_READ_HINT =
  "Give the job `permissions: pull-requests: read` so the pull request merged as this commit can be found.";

/**
 * For a push to the default branch, the gates judged the merged pull request's head commit, not the merge commit:
 * `GET /commits/{sha}/pulls` finds the pull request merged as `sha` and returns its head and base. A commit no pull
 * request was merged as (a direct push) is judged itself, on the branch it was pushed to (`pushedBranch`).
 */
export async function findJudgedCommit(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  pushedSha: string,
  pushedBranch: string,
): Promise<JudgedCommit> {
  let pulls: PullSimple[];
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
      ...repository,
      commit_sha: pushedSha,
    });
    pulls = data as PullSimple[];
  } catch (error) {
    throw toGitHubApiError(`listing the pull requests of ${pushedSha}`, error, PULLS_READ_HINT);
  }
  const merged = pulls.find((pull) => pull.merged_at !== null && pull.merge_commit_sha === pushedSha);
  if (!merged) return { sha: pushedSha, pullNumber: null, baseRef: pushedBranch, baseSha: null, head: null };
  const head = { ref: merged.head.ref, repository: merged.head.repo?.full_name ?? null };
  return { sha: merged.head.sha, pullNumber: merged.number, baseRef: merged.base.ref, baseSha: merged.base.sha, head };
}
