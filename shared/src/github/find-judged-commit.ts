import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** The commit whose checks decide a promotion, and how it was found. */
export interface JudgedCommit {
  sha: string;
  /** The pull request merged as the pushed commit; null for a direct push. */
  pullNumber: number | null;
}

interface PullSimple {
  number: number;
  merge_commit_sha: string | null;
  merged_at: string | null;
  head: { sha: string };
}

const PULLS_READ_HINT = "Give the job `permissions: pull-requests: read` so the pull request merged as this commit can be found.";

/**
 * For a push to the default branch, the gates judged the merged pull request's head commit, not the merge commit:
 * `GET /commits/{sha}/pulls` finds the pull request merged as `sha` and returns its head. A commit no pull request
 * was merged as (a direct push) is judged itself.
 */
export async function findJudgedCommit(octokit: ModelgateOctokit, repository: { owner: string; repo: string }, pushedSha: string): Promise<JudgedCommit> {
  let pulls: PullSimple[];
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", { ...repository, commit_sha: pushedSha });
    pulls = data as PullSimple[];
  } catch (error) {
    throw toGitHubApiError(`listing the pull requests of ${pushedSha}`, error, PULLS_READ_HINT);
  }
  const merged = pulls.find((pull) => pull.merged_at !== null && pull.merge_commit_sha === pushedSha);
  return merged ? { sha: merged.head.sha, pullNumber: merged.number } : { sha: pushedSha, pullNumber: null };
}
