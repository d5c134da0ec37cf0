import { errorResponse } from "./error-bodies.js";
import { toNodeId, toSimpleUser } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";
import type { StoredPullRequest } from "./stand-in-types.js";
import { toRepository as toForkRepository } from "./repository-objects.js";
import { toRepository } from "./to-repository.js";

/**
 * `GET /commits/{commit_sha}/pulls`: the pull requests that contain the commit as their head, or were merged as it
 * (`merge_commit_sha`), as GitHub lists them for a push to the default branch.
 */
export const listCommitPulls: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const sha = params.commit_sha!;
  if (!repo.commits.has(sha)) return errorResponse(422, `No commit found for SHA: ${sha}`, docs);
  const pulls = repo.commitPulls.filter((pull) => pull.head_sha === sha || pull.merge_commit_sha === sha);
  return { status: 200, body: pulls.map((pull) => toPullRequestSimple(repo, pull, urls)) };
};

function toPullRequestSimple(repo: RepoState, pull: StoredPullRequest, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.repo}`;
  const html = `${urls.web}/${repo.owner}/${repo.repo}/pull/${pull.number}`;
  const id = 1_900_000_000 + pull.number;
  const user = toSimpleUser(pull.author, "User", urls);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: toSimpleUser(repo.owner, "User", urls),
    repo: toRepository(repo, urls),
  });
  // A fork's head names the fork (its own id, derived from the base repository's as the workflow runs do).
  const fork = pull.head_repository;
  const head =
    fork === null
      ? side(pull.head_ref, pull.head_sha)
      : {
          label: `${fork.split("/")[0]}:${pull.head_ref}`,
          ref: pull.head_ref,
          sha: pull.head_sha,
          user: toSimpleUser(fork.split("/")[0]!, "User", urls),
          repo: toForkRepository(repo.id + 7_000_000, fork, urls, true),
        };
  return {
    url: `${api}/pulls/${pull.number}`,
    id,
    node_id: toNodeId("PR", id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.head_sha}`,
    number: pull.number,
    state: pull.merged_at === null ? "open" : "closed",
    locked: false,
    title: pull.title,
    user,
    body: null,
    labels: [],
    milestone: null,
    created_at: pull.created_at,
    updated_at: pull.merged_at ?? pull.created_at,
    closed_at: pull.merged_at,
    merged_at: pull.merged_at,
    merge_commit_sha: pull.merge_commit_sha,
    assignee: null,
    head,
    base: side(pull.base_ref, pull.base_sha),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${pull.head_sha}` },
    },
    author_association: "MEMBER",
    auto_merge: null,
  };
}
