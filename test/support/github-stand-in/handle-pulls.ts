import { errorResponse } from "./error-bodies.js";
import { toSimpleUser } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import { toRepository } from "./repository-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";
import type { SeedPullRequest } from "./stand-in-types.js";
import { toPage } from "./to-page.js";

const UNSUPPORTED_FILTERS = ["base", "sort", "direction"];
const PULL_TIME = "2026-01-01T00:00:00Z";

/** A listed pull request: a seeded one, or one `seedCommitPullRequest` recorded as merged. */
type ListedPull = SeedPullRequest & { merged?: { at: string; sha: string } };

/**
 * `GET /repos/{owner}/{repo}/pulls`: open pull requests by default, newest first, with GitHub's `head` filter
 * (`owner:branch`, the owner of the head repository). Merged ones (from `seedCommitPullRequest`) are closed, listed
 * with `state=closed` or `all`. Other filters answer 501 rather than an unfiltered list.
 */
export const listPulls: RouteHandler = ({ params, query, state, urls, docs }) => {
  const unsupported = UNSUPPORTED_FILTERS.find((name) => query[name] !== undefined);
  if (unsupported !== undefined)
    return errorResponse(
      501,
      `Not implemented by the GitHub stand-in: the ${unsupported} filter of GET /repos/{owner}/{repo}/pulls`,
      docs,
    );
  const repo = state.repo(params.owner!, params.repo!);
  const wanted = query.state ?? "open";
  const head = query.head?.toLowerCase();
  const merged: ListedPull[] = repo.commitPulls
    .filter((pull) => pull.merged_at !== null && !repo.pulls.some((open) => open.number === pull.number))
    .map((pull) => ({
      number: pull.number,
      title: pull.title,
      headSha: pull.head_sha,
      headRef: pull.head_ref,
      ...(pull.head_repository === null ? {} : { headRepository: pull.head_repository }),
      baseRef: pull.base_ref,
      state: "closed",
      login: pull.author,
      merged: { at: pull.merged_at!, sha: pull.merge_commit_sha! },
    }));
  const matching = [...repo.pulls, ...merged]
    .filter((pull) => wanted === "all" || (pull.state ?? "open") === wanted)
    .filter(
      (pull) => head === undefined || `${headName(repo, pull).split("/")[0]}:${pull.headRef}`.toLowerCase() === head,
    )
    .sort((a, b) => b.number - a.number);
  const page = toPage(matching, query, `${urls.api}/repositories/${repo.id}/pulls`);
  return { ...page, body: (page.body as ListedPull[]).map((pull) => toPullRequestSimple(repo, pull, urls)) };
};

function headName(repo: RepoState, pull: SeedPullRequest): string {
  return pull.headRepository ?? `${repo.owner}/${repo.repo}`;
}

function toPullRequestSimple(repo: RepoState, pull: ListedPull, urls: Urls): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.repo}`;
  const api = `${urls.api}/repos/${fullName}`;
  const html = `${urls.web}/${fullName}/pull/${pull.number}`;
  const author = toSimpleUser(pull.login ?? "contributor", "User", urls);
  const head = headName(repo, pull);
  const fork = head.toLowerCase() !== fullName.toLowerCase();
  const side = (name: string, ref: string, sha: string, repoId: number, isFork: boolean) => ({
    label: `${name.split("/")[0]}:${ref}`,
    ref,
    sha,
    user: toSimpleUser(name.split("/")[0]!, "User", urls),
    repo: toRepository(repoId, name, urls, isFork),
  });
  return {
    url: `${api}/pulls/${pull.number}`,
    id: 700_000_000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state ?? "open",
    locked: false,
    title: pull.title ?? `Pull request ${pull.number}`,
    user: author,
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: PULL_TIME,
    updated_at: PULL_TIME,
    closed_at: pull.merged?.at ?? (pull.state === "closed" ? PULL_TIME : null),
    merged_at: pull.merged?.at ?? null,
    merge_commit_sha: pull.merged?.sha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(head, pull.headRef, pull.headSha, fork ? repo.id + 7_000_000 : repo.id, fork),
    base: side(fullName, pull.baseRef ?? "main", "0".repeat(40), repo.id, false),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: fork ? "FIRST_TIME_CONTRIBUTOR" : "MEMBER",
    auto_merge: null,
    draft: false,
  };
}
