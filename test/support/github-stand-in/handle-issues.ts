import { checkTextLength } from "./check-text-length.js";
import { notFound } from "./error-bodies.js";
import type { Urls } from "./github-objects.js";
import { toIssueLabel, toNodeId, toReactionRollup, toSimpleUser, toTimestamp } from "./github-objects.js";
import { MAX_COMMENT_CHARACTERS } from "./handle-issue-comments.js";
import type { RouteHandler } from "./route-handler.js";
import type { StandInState } from "./stand-in-state.js";
import type { Issue, IssueLabel, SimpleUser, StandInResponse, TokenGrant } from "./stand-in-types.js";

/** GitHub's limits on issue text, counted in characters; neither is stated in the description. */
export const MAX_ISSUE_BODY_CHARACTERS = MAX_COMMENT_CHARACTERS;
export const MAX_ISSUE_TITLE_CHARACTERS = 256;

const TITLE_LIMIT = { resource: "Issue", field: "title", maximum: MAX_ISSUE_TITLE_CHARACTERS };
const BODY_LIMIT = { resource: "Issue", field: "body", maximum: MAX_ISSUE_BODY_CHARACTERS };

/** The fields of a create or update body the stand-in acts on; the description has already checked their types. */
interface IssueInput {
  title?: string | number | null;
  body?: string | null;
  state?: "open" | "closed";
  state_reason?: Issue["state_reason"];
  labels?: Array<string | { name?: string }>;
  assignees?: Array<string | { login?: string }>;
  /** Closing down on GitHub, still accepted beside `assignees`. */
  assignee?: string | null;
}

export const createIssue: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  const input = (body ?? {}) as IssueInput;
  const invalid = checkIssueText(input, docs);
  if (invalid) return invalid;
  const issue = newIssue(state, urls, {
    owner: params.owner!,
    repo: params.repo!,
    title: String(input.title),
    body: input.body ?? null,
    labels: labelNames(input) ?? [],
    assignees: assigneeLogins(input) ?? [],
    state: "open",
    login: grant.login,
    type: actorType(grant),
  });
  return { status: 201, body: issue, headers: { location: issue.url } };
};

export const getIssue: RouteHandler = ({ params, state, docs }) => {
  const issue = state.findIssue(params.owner!, params.repo!, Number(params.issue_number));
  return issue ? { status: 200, body: issue } : notFound(docs);
};

/** Changes only what the body names: `labels` and `assignees` replace the sets (`[]` clears), `body: null` clears. */
export const updateIssue: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  const { owner, repo } = params as { owner: string; repo: string };
  const issue = state.findIssue(owner, repo, Number(params.issue_number));
  if (!issue) return notFound(docs);
  const input = (body ?? {}) as IssueInput;
  const invalid = checkIssueText(input, docs);
  if (invalid) return invalid;
  const before = JSON.stringify(issue);
  const now = toTimestamp(new Date());
  if (input.title !== undefined && input.title !== null) issue.title = String(input.title);
  if (input.body !== undefined) issue.body = input.body;
  const labels = labelNames(input);
  if (labels !== undefined) issue.labels = toLabels(state, urls, owner, repo, labels);
  const assignees = assigneeLogins(input);
  if (assignees !== undefined) setAssignees(issue, assignees, urls);
  // `state_reason` is ignored unless `state` changes, as the description says.
  if (input.state !== undefined && input.state !== issue.state) {
    changeState(
      issue,
      input.state,
      input.state_reason ?? undefined,
      toSimpleUser(grant.login, actorType(grant), urls),
      now,
    );
  }
  // Only a real change moves `updated_at`, so a client that re-sends the same text does not look like an edit.
  if (JSON.stringify(issue) !== before) issue.updated_at = now;
  return { status: 200, body: issue };
};

/** Adds an issue in GitHub's shape under the repository's next number; shared by the API and `seedIssues`. */
export function newIssue(
  state: StandInState,
  urls: Urls,
  input: {
    owner: string;
    repo: string;
    title: string;
    body: string | null;
    labels: string[];
    assignees: string[];
    state: "open" | "closed";
    login: string;
    type: "User" | "Bot";
  },
): Issue {
  const { owner, repo } = input;
  const id = state.issueId();
  const number = state.issueNumber(owner, repo);
  const now = toTimestamp(new Date());
  const repoApi = `${urls.api}/repos/${owner}/${repo}`;
  const url = `${repoApi}/issues/${number}`;
  const user = toSimpleUser(input.login, input.type, urls);
  const issue: Issue = {
    id,
    node_id: toNodeId("I", id),
    url,
    repository_url: repoApi,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.web}/${owner}/${repo}/issues/${number}`,
    number,
    state: "open",
    state_reason: null,
    title: input.title,
    body: input.body,
    user,
    labels: toLabels(state, urls, owner, repo, input.labels),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    closed_at: null,
    closed_by: null,
    created_at: now,
    updated_at: now,
    author_association: input.type === "Bot" ? "NONE" : "CONTRIBUTOR",
    type: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    issue_dependencies_summary: { blocked_by: 0, blocking: 0, total_blocked_by: 0, total_blocking: 0 },
    reactions: toReactionRollup(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    pinned_comment: null,
  };
  setAssignees(issue, input.assignees, urls);
  if (input.state === "closed") changeState(issue, "closed", undefined, user, now);
  state.repo(owner, repo).issues.push(issue);
  return issue;
}

function checkIssueText(input: IssueInput, docs: string): StandInResponse | undefined {
  const title =
    input.title === undefined || input.title === null
      ? undefined
      : checkTextLength(String(input.title), TITLE_LIMIT, docs);
  return title ?? (typeof input.body === "string" ? checkTextLength(input.body, BODY_LIMIT, docs) : undefined);
}

/** GitHub's state rules: closing records when, by whom and why ("completed" unless told); reopening says "reopened". */
function changeState(
  issue: Issue,
  to: "open" | "closed",
  reason: Issue["state_reason"] | undefined,
  actor: SimpleUser,
  now: string,
): void {
  issue.state = to;
  issue.state_reason = to === "closed" ? (reason ?? "completed") : "reopened";
  issue.closed_at = to === "closed" ? now : null;
  issue.closed_by = to === "closed" ? actor : null;
}

/** Label objects for `names`; a name the repository has not seen yet becomes a new label, as on GitHub. */
function toLabels(state: StandInState, urls: Urls, owner: string, repo: string, names: string[]): IssueLabel[] {
  const known = state.repo(owner, repo).labels;
  return names.map((name) => {
    let label = known.get(name.toLowerCase());
    if (!label) {
      label = toIssueLabel(state.labelId(), name, owner, repo, urls);
      known.set(name.toLowerCase(), label);
    }
    return label;
  });
}

/** Names from `labels` (strings or `{ name }`); undefined when not sent. */
function labelNames(input: IssueInput): string[] | undefined {
  return (
    input.labels && uniqueNames(input.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))))
  );
}

/** Logins from `assignees` (strings or `{ login }`) and the closing-down `assignee`; undefined when neither is sent. */
function assigneeLogins(input: IssueInput): string[] | undefined {
  if (input.assignees === undefined && input.assignee === undefined) return undefined;
  const logins = (input.assignees ?? []).map((item) => (typeof item === "string" ? item : (item.login ?? "")));
  if (input.assignee) logins.push(input.assignee);
  return uniqueNames(logins);
}

function setAssignees(issue: Issue, logins: string[], urls: Urls): void {
  issue.assignees = logins.map((login) => toSimpleUser(login, login.endsWith("[bot]") ? "Bot" : "User", urls));
  issue.assignee = issue.assignees[0] ?? null;
}

/** Non-empty names without repeats; GitHub compares logins and label names ignoring case. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => name !== "" && !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

function actorType(grant: TokenGrant): "User" | "Bot" {
  return grant.kind === "installation" ? "Bot" : "User";
}
