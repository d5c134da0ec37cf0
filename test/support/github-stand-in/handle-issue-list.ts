import { errorResponse } from "./error-bodies.js";
import type { RouteHandler } from "./route-handler.js";
import type { Issue } from "./stand-in-types.js";
import { toPage } from "./to-page.js";

/**
 * Filters the description offers that the stand-in does not model (it has no milestones, issue types or mentions).
 * Ignoring one would hand back an unfiltered list that looks right, so a request using one answers 501 instead.
 */
const UNSUPPORTED_FILTERS = ["milestone", "type", "mentioned", "issue_field_values"];

/**
 * `GET /repos/{owner}/{repo}/issues` with GitHub's defaults: open issues only, newest first (`sort=created`,
 * `direction=desc`), 30 a page. `labels` is comma-separated and every label must be on the issue.
 */
export const listIssues: RouteHandler = ({ params, query, state, urls, docs }) => {
  const unsupported = UNSUPPORTED_FILTERS.find((name) => query[name] !== undefined);
  if (unsupported !== undefined) {
    return errorResponse(
      501,
      `Not implemented by the GitHub stand-in: the ${unsupported} filter of GET /repos/{owner}/{repo}/issues`,
      docs,
    );
  }
  const repo = state.repo(params.owner!, params.repo!);
  const matching = repo.issues.filter(matchesFilters(query));
  const direction = query.direction === "asc" ? 1 : -1;
  const sortKey = SORT_KEYS[query.sort ?? "created"] ?? SORT_KEYS.created!;
  // Issues made within one second share `created_at`; the number breaks ties, as it grows with creation.
  matching.sort((a, b) => direction * (compare(sortKey(a), sortKey(b)) || a.number - b.number));
  return toPage(matching, query, `${urls.api}/repositories/${repo.id}/issues`);
};

const SORT_KEYS: Record<string, (issue: Issue) => number | string> = {
  created: (issue) => issue.created_at,
  updated: (issue) => issue.updated_at,
  comments: (issue) => issue.comments,
};

function matchesFilters(query: Record<string, string>): (issue: Issue) => boolean {
  const wantedState = query.state ?? "open";
  const labels = (query.labels ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const creator = query.creator?.toLowerCase();
  const assignee = query.assignee?.toLowerCase();
  const since = query.since === undefined ? undefined : Date.parse(query.since);
  return (issue) =>
    (wantedState === "all" || issue.state === wantedState) &&
    labels.every((name) => issue.labels.some((label) => label.name.toLowerCase() === name)) &&
    (creator === undefined || issue.user.login.toLowerCase() === creator) &&
    matchesAssignee(issue, assignee) &&
    (since === undefined || Date.parse(issue.updated_at) >= since);
}

/** `assignee` is a login, `none` for unassigned issues or `*` for assigned ones. */
function matchesAssignee(issue: Issue, assignee: string | undefined): boolean {
  if (assignee === undefined) return true;
  if (assignee === "none") return issue.assignees.length === 0;
  if (assignee === "*") return issue.assignees.length > 0;
  return issue.assignees.some((user) => user.login.toLowerCase() === assignee);
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
