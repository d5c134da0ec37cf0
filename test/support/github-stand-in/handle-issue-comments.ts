import { notFound, validationFailed } from "./error-bodies.js";
import type { Urls } from "./github-objects.js";
import { toNodeId, toReactionRollup, toSimpleUser, toTimestamp } from "./github-objects.js";
import type { HandlerContext, RouteHandler } from "./route-handler.js";
import type { StandInState } from "./stand-in-state.js";
import type { IssueComment, StandInResponse } from "./stand-in-types.js";
import { toLinkHeader } from "./to-link-header.js";

/** GitHub's limit on issue and PR comment bodies, counted in characters; not stated in the description. */
export const MAX_COMMENT_CHARACTERS = 65_536;

export const listIssueComments: RouteHandler = ({ params, query, state, urls }): StandInResponse => {
  const all = state.issueComments(params.owner!, params.repo!, Number(params.issue_number));
  const since = query.since === undefined ? undefined : Date.parse(query.since);
  const matching = since === undefined ? all : all.filter((comment) => Date.parse(comment.updated_at) >= since);
  const perPage = query.per_page === undefined ? 30 : Number(query.per_page);
  const page = query.page === undefined ? 1 : Math.max(1, Number(query.page));
  const link = toLinkHeader({
    base: `${urls.api}/repositories/${state.repo(params.owner!, params.repo!).id}/issues/${params.issue_number}/comments`,
    query,
    page,
    lastPage: Math.max(1, Math.ceil(matching.length / perPage)),
  });
  const body = matching.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body, headers: link === undefined ? {} : { link } };
};

export const createIssueComment: RouteHandler = (context) => {
  const { params, body, grant, state, urls } = context;
  const text = String(body?.body);
  const tooLong = checkLength(text, context);
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
  const tooLong = checkLength(text, context);
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
  const comment: IssueComment = {
    id,
    node_id: toNodeId("IC", id),
    url,
    html_url: `${urls.web}/${input.owner}/${input.repo}/pull/${input.issueNumber}#issuecomment-${id}`,
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
  return comment;
}

function checkLength(text: string, { docs }: HandlerContext): StandInResponse | undefined {
  // GitHub counts characters (code points), not UTF-16 units: an emoji is one character there, two in `.length`.
  if (Array.from(text).length <= MAX_COMMENT_CHARACTERS) return undefined;
  return validationFailed(docs, {
    resource: "IssueComment",
    code: "custom",
    field: "body",
    message: `body is too long (maximum is ${MAX_COMMENT_CHARACTERS} characters)`,
  });
}
