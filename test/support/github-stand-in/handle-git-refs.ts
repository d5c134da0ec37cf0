import { createHash } from "node:crypto";
import { errorResponse, notFound } from "./error-bodies.js";
import { resolveCommit } from "./handle-commit-check-runs.js";
import { toNodeId, toTimestamp } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";
import type { GitTagObject } from "./stand-in-types.js";

/** `POST /git/refs`: GitHub refuses an existing ref (422 "Reference already exists") and a sha it does not have. */
export const createRef: RouteHandler = ({ params, body, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const ref = String(body?.ref);
  const sha = String(body?.sha);
  if (!/^refs\/[^/]+\/.+/.test(ref) || /\.\.|[\s~^:?*[\\]|\/$|\.lock$/.test(ref))
    return errorResponse(422, `${ref} is not a valid ref name.`, docs);
  if (repo.refs.has(ref)) return errorResponse(422, "Reference already exists", docs);
  if (!repo.commits.has(sha) && !repo.tagObjects.has(sha)) return errorResponse(422, "Object does not exist", docs);
  repo.refs.set(ref, sha);
  return { status: 201, body: toGitRef(repo, ref, urls) };
};

/** `GET /git/matching-refs/{ref}`: every ref starting with `refs/<ref>`, sorted by name, unpaginated as on GitHub. */
export const listMatchingRefs: RouteHandler = ({ params, state, urls }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const prefix = `refs/${params.ref!}`;
  const names = [...repo.refs.keys()]
    .filter((name) => name.startsWith(prefix))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { status: 200, body: names.map((name) => toGitRef(repo, name, urls)) };
};

/** `GET /git/ref/{ref}`: one ref, 404 when it does not exist. */
export const getRef: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const ref = `refs/${params.ref!}`;
  return repo.refs.has(ref) ? { status: 200, body: toGitRef(repo, ref, urls) } : notFound(docs);
};

/** `DELETE /git/refs/{ref}`: 204; a ref that does not exist is 422 "Reference does not exist", as on GitHub. */
export const deleteRef: RouteHandler = ({ params, state, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const ref = `refs/${params.ref!}`;
  if (!repo.refs.delete(ref)) return errorResponse(422, "Reference does not exist", docs);
  return { status: 204, body: undefined };
};

/** `POST /git/tags`: an annotated tag object on an existing commit; its sha is git's, computed from its content. */
export const createTagObject: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const input = body as {
    tag: string;
    message: string;
    object: string;
    type: "commit" | "tree" | "blob";
    tagger?: { name?: string; email?: string; date?: string };
  };
  if (input.type !== "commit" || !repo.commits.has(input.object))
    return errorResponse(422, "Object does not exist", docs);
  const tagger = {
    name: input.tagger?.name ?? grant.login,
    email: input.tagger?.email ?? `${grant.login.replace(/\[bot\]$/, "")}@users.noreply.github.com`,
    date: toTimestamp(input.tagger?.date ? new Date(input.tagger.date) : new Date()),
  };
  // GitHub stores the message with a final newline, as git does.
  const message = input.message.endsWith("\n") ? input.message : `${input.message}\n`;
  const seconds = Math.floor(Date.parse(tagger.date) / 1000);
  const content = `object ${input.object}\ntype ${input.type}\ntag ${input.tag}\ntagger ${tagger.name} <${tagger.email}> ${seconds} +0000\n\n${message}`;
  const sha = createHash("sha1")
    .update(`tag ${Buffer.byteLength(content)}\0${content}`)
    .digest("hex");
  const tag: GitTagObject = { sha, tag: input.tag, message, object: { sha: input.object, type: input.type }, tagger };
  repo.tagObjects.set(sha, tag);
  return { status: 201, body: toGitTag(repo, tag, urls) };
};

/** `GET /git/tags/{tag_sha}`. */
export const getTagObject: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const tag = repo.tagObjects.get(params.tag_sha!);
  return tag ? { status: 200, body: toGitTag(repo, tag, urls) } : notFound(docs);
};

/** `GET /commits/{ref}` with `Accept: application/vnd.github.sha` (the only form served): the commit's sha as text. */
export const getCommitSha: RouteHandler = ({ params, state, accept, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  if (!/application\/vnd\.github(\.v3)?\.sha/.test(accept))
    return errorResponse(501, "The stand-in serves GET /commits/{ref} only as application/vnd.github.sha.", docs);
  const sha = resolveCommit(repo, params.ref!);
  if (sha === undefined) return errorResponse(422, `No commit found for SHA: ${params.ref!}`, docs);
  return { status: 200, text: sha };
};

function toGitRef(repo: RepoState, ref: string, urls: Urls): Record<string, unknown> {
  const sha = repo.refs.get(ref)!;
  const type = repo.tagObjects.has(sha) ? "tag" : "commit";
  const base = `${urls.api}/repos/${repo.owner}/${repo.repo}/git`;
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString("base64url")}`,
    url: `${base}/${ref.split("/").map(encodeURIComponent).join("/")}`,
    object: { type, sha, url: `${base}/${type === "tag" ? "tags" : "commits"}/${sha}` },
  };
}

function toGitTag(repo: RepoState, tag: GitTagObject, urls: Urls): Record<string, unknown> {
  const base = `${urls.api}/repos/${repo.owner}/${repo.repo}/git`;
  return {
    node_id: toNodeId("TAG", parseInt(tag.sha.slice(0, 8), 16)),
    tag: tag.tag,
    sha: tag.sha,
    url: `${base}/tags/${tag.sha}`,
    message: tag.message,
    tagger: tag.tagger,
    object: { sha: tag.object.sha, type: tag.object.type, url: `${base}/commits/${tag.object.sha}` },
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}
