import type { ModelgateOctokit } from "./create-octokit.js";
import type { JudgedCommit } from "./find-judged-commit.js";
import { readRepoFile } from "./read-repo-file.js";

/** Workflow files already compared, by path: several required checks are usually jobs of one workflow. */
export type WorkflowEditCache = Map<string, Promise<string | undefined>>;

/**
 * Why the judged pull request's `pull_request` runs of `workflow` did not run the base branch's version of it, or
 * undefined when they did. GitHub runs a pull request's workflows from its merge ref, so the pull request (a fork's
 * too) can rewrite the job behind a required check; its head's file must be the file at the base commit it was merged
 * onto (`baseSha`, where the policy is read). A direct push runs the pushed commit's own file: nothing to compare.
 * @throws GitHubApiError when a file cannot be read otherwise than with 404.
 */
export function findWorkflowEdit(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  workflow: string,
  judged: JudgedCommit,
  cache: WorkflowEditCache,
): Promise<string | undefined> {
  let pending = cache.get(workflow);
  if (!pending) {
    pending = compareWorkflowFile(octokit, repository, workflow, judged);
    cache.set(workflow, pending);
  }
  return pending;
}

async function compareWorkflowFile(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  workflow: string,
  judged: JudgedCommit,
): Promise<string | undefined> {
  if (judged.pullNumber === null) return undefined;
  if (judged.baseSha === null)
    return `the base commit of #${judged.pullNumber} is unknown, so its ${workflow} cannot be compared with the base branch's`;
  const [head, base] = await Promise.all(
    [judged.sha, judged.baseSha].map((ref) => readRepoFile(octokit, { ...repository, path: workflow, ref })),
  );
  const at = (sha: string) => sha.slice(0, 7);
  if (base === undefined) return `the base branch has no ${workflow} at ${at(judged.baseSha)}`;
  if (head === undefined) return `the head of #${judged.pullNumber} (${at(judged.sha)}) has no ${workflow}`;
  if (head !== base)
    return `the head of #${judged.pullNumber} (${at(judged.sha)}) changes ${workflow} from the base branch's version at ${at(judged.baseSha)}, so its runs ran the pull request's own jobs (land workflow changes in a pull request of their own)`;
  return undefined;
}
