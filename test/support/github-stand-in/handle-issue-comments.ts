import { checkTextLength } from "./check-text-length.js";
import { notFound } from "./error-bodies.js";
import type { Urls } from "./github-objects.js";
import { toNodeId, toReactionRollup, toSimpleUser, toTimestamp } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { StandInState } from "./stand-in-state.js";
import type { IssueComment, StandInResponse } from "./stand-in-types.js";
import { toPage } from "./to-page.js";

/** GitHub's limit on issue and PR comment bodies, counted in characters; not stated in the description. */
export const MAX_COMMENT_CHARACTERS = 65_536;

const COMMENT_BODY_LIMIT = { resource: "IssueComment", field: "body", maximum: MAX_COMMENT_CHARACTERS };

export const listIssueComments: RouteHandler = ({ params, query, state, urls }): StandInResponse => {
  const all = state.issueComments(params.owner!, params.repo!, Number(params.issue_number));
  const since = query.since === undefined ? undefined : Date.parse(query.since);
  const matching = since === undefined ? all : all.filter((comment) => Date.parse(comment.updated_at) >= since);
  return toPage(
    matching,
    query,
    `${urls.api}/repositories/${state.repo(params.owner!, params.repo!).id}/issues/${params.issue_number}/comments`,
  );
};

export const createIssueComment: RouteHandler = (context) => {
  const { params, body, grant, state, urls } = context;
  const text = String(body?.body);
  const tooLong = checkTextLength(text, COMMENT_BODY_LIMIT, context.docs);
  if (tooLong) return tooLong;
  const comment = newComment(state, urls, {
    owner: params.owner!,
    repo: params.repo!,
    issueNumber: Number(params.issue_number),
    body: text,
    login: grant.login,
    type: grant.kind === "installation" ? "Bot" : "User",
  });
  return { status: 201, body: comment, headers: { location: comment.url } };
};

export const updateIssueComment: RouteHandler = (context) => {
  const { params, body, state, docs } = context;
  const comment = state.findComment(params.owner!, params.repo!, Number(params.comment_id));
  if (!comment) return notFound(docs);
  const text = String(body?.body);
  const tooLong = checkTextLength(text, COMMENT_BODY_LIMIT, context.docs);
  if (tooLong) return tooLong;
  comment.body = text;
  comment.updated_at = toTimestamp(new Date());
  return { status: 200, body: comment };
};

/** Appends a comment to the issue's thread in GitHub's shape; shared by the API and `seedComments`. */
export function newComment(
  state: StandInState,
  urls: Urls,
  input: { owner: string; repo: string; issueNumber: number; body: string; login: string; type: "User" | "Bot" },
): IssueComment {
  const id = state.commentId();
  const now = toTimestamp(new Date());
  const repoApi = `${urls.api}/repos/${input.owner}/${input.repo}`;
  const url = `${repoApi}/issues/comments/${id}`;
  // The thread belongs to a stand-in issue when one has the number; otherwise to a pull request, the common case.
  const issue = state.findIssue(input.owner, input.repo, input.issueNumber);
  const comment: IssueComment = {
    id,
    node_id: toNodeId("IC", id),
    url,
    html_url: `${urls.web}/${input.owner}/${input.repo}/${issue ? "issues" : "pull"}/${input.issueNumber}#issuecomment-${id}`,
    issue_url: `${repoApi}/issues/${input.issueNumber}`,
    body: input.body,
    user: toSimpleUser(input.login, input.type, urls),
    created_at: now,
    updated_at: now,
    author_association: input.type === "Bot" ? "NONE" : "CONTRIBUTOR",
    performed_via_github_app: null,
    reactions: toReactionRollup(url),
  };
  state.issueComments(input.owner, input.repo, input.issueNumber).push(comment);
  // A new comment counts on the issue and, as on GitHub, makes it recently updated (`sort=updated`).
  if (issue) {
    issue.comments += 1;
    issue.updated_at = now;
  }
  return comment;
}
