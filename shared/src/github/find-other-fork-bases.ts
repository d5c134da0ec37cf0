import type { ModelgateOctokit } from "./create-octokit.js";
import type { JudgedCommit } from "./find-judged-commit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

const PULLS_READ_HINT =
  "Give the job `permissions: pull-requests: read` so the pull requests from the fork's branch can be listed.";

/**
 * Why a fork's `pull_request` run of the judged head may not be the judged pull request's, or undefined. GitHub
 * links no pull request to a fork's run, so only its head repository and branch tie it to one; a pull request from
 * that same branch into another base branch (open or closed: its runs stay) would run that base's workflow on the
 * same head. Every pull request from `<fork owner>:<branch>` (`GET /pulls?head=…&state=all`, all pages) must target
 * the judged base branch. Same-repository heads and direct pushes need no list: their runs name their pull requests.
 * @throws GitHubApiError when the pull requests cannot be listed.
 */
export async function findOtherForkBases(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  judged: JudgedCommit,
): Promise<string | undefined> {
  const head = judged.head;
  if (judged.pullNumber === null || head === null) return undefined;
  if (head.repository === null) return `the head repository of #${judged.pullNumber} was deleted`;
  if (head.repository.toLowerCase() === `${repository.owner}/${repository.repo}`.toLowerCase()) return undefined;
  const label = `${head.repository.split("/")[0]}:${head.ref}`;
  let others: string[];
  try {
    const pulls = await octokit.paginate("GET /repos/{owner}/{repo}/pulls", {
      ...repository,
      head: label,
      state: "all",
      per_page: 100,
    });
    others = pulls.filter((pull) => pull.base.ref !== judged.baseRef).map((p) => `#${p.number} into ${p.base.ref}`);
  } catch (error) {
    throw toGitHubApiError(`listing the pull requests from ${label}`, error, PULLS_READ_HINT);
  }
  if (others.length === 0) return undefined;
  return `${label} is also the head of ${others.join(", ")}, and a fork's run names no pull request, so it may have run that base branch's workflow`;
}
