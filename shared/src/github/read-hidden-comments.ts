import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** Asks GitHub which of up to 100 comments (by node id) are minimized; `nodes` takes at most 100 ids. */
export const HIDDEN_COMMENTS_QUERY =
  "query modelgateHiddenComments($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized minimizedReason } } }";

interface HiddenAnswer {
  nodes: Array<{ id?: string; isMinimized?: boolean; minimizedReason?: string | null } | null>;
}

/**
 * The comments among `nodeIds` that a maintainer hid (GraphQL `IssueComment.isMinimized`), with GitHub's reason
 * (`outdated`, `resolved`, `off-topic`, `duplicate`, `spam`, `abuse`, or null). REST does not say whether a
 * comment is hidden. Needs read access to the issue or pull request.
 * @throws GitHubApiError when GitHub does not answer or leaves a comment out.
 */
export async function readHiddenComments(
  octokit: ModelgateOctokit,
  nodeIds: readonly string[],
): Promise<Map<string, { reason: string | null }>> {
  const hidden = new Map<string, { reason: string | null }>();
  if (nodeIds.length === 0) return hidden;
  const hint =
    "Grant `pull-requests: read` (or `issues: read`) to the job; GraphQL needs it to read whether our earlier comment was hidden.";
  let answer: HiddenAnswer;
  try {
    answer = await octokit.graphql<HiddenAnswer>(HIDDEN_COMMENTS_QUERY, { ids: [...nodeIds] });
  } catch (error) {
    throw toGitHubApiError("reading whether our comments are hidden (GraphQL isMinimized)", error, hint);
  }
  for (const id of nodeIds) {
    const node = answer.nodes.find((candidate) => candidate?.id === id);
    // Fail closed: a comment we cannot see the state of is not updated blindly.
    if (!node || typeof node.isMinimized !== "boolean") {
      throw toGitHubApiError(
        "reading whether our comments are hidden (GraphQL isMinimized)",
        new Error(`the answer has no state for comment ${id}`),
        hint,
      );
    }
    if (node.isMinimized) hidden.set(id, { reason: node.minimizedReason ?? null });
  }
  return hidden;
}
