import { createHash } from "node:crypto";
import { errorResponse, notFound, validationFailed } from "./error-bodies.js";
import { toNodeId, toSimpleUser, toTimestamp } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";
import type { StoredAsset, StoredRelease } from "./stand-in-types.js";
import { toPage } from "./to-page.js";

/** `GET /releases`: drafts included (the token can push), newest first, paginated. */
export const listReleases: RouteHandler = ({ params, query, state, urls }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const all = [...repo.releases].reverse().map((release) => toRelease(repo, release, urls));
  return toPage(all, query, `${urls.api}/repositories/${repo.id}/releases`);
};

/**
 * `POST /releases`: one published release per tag, but any number of drafts (a draft is not bound to its tag until
 * published). Publishing (now or later) creates a missing tag as a lightweight tag on `target_commitish`; a draft
 * creates nothing, which is why the registry stages into a draft first.
 */
export const createRelease: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const input = body as {
    tag_name: string;
    target_commitish?: string;
    name?: string;
    body?: string;
    draft?: boolean;
    prerelease?: boolean;
  };
  if (input.draft !== true && hasPublished(repo, input.tag_name)) {
    return validationFailed(docs, { resource: "Release", code: "already_exists", field: "tag_name" });
  }
  const now = toTimestamp(new Date());
  const release: StoredRelease = {
    id: state.releaseId(),
    tag_name: input.tag_name,
    target_commitish: input.target_commitish ?? "main",
    name: input.name ?? null,
    body: input.body ?? null,
    draft: input.draft === true,
    prerelease: input.prerelease === true,
    created_at: now,
    published_at: null,
    author: grant.login,
    assets: [],
  };
  if (!release.draft) {
    const refused = publish(repo, release, docs);
    if (refused) return refused;
  }
  repo.releases.push(release);
  return { status: 201, body: toRelease(repo, release, urls) };
};

/** `PATCH /releases/{release_id}`: here only `draft: false` (publish), `name` and `body` are applied. */
export const updateRelease: RouteHandler = ({ params, body, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const release = repo.releases.find((candidate) => candidate.id === Number(params.release_id));
  if (!release) return notFound(docs);
  const input = body as { draft?: boolean; name?: string; body?: string };
  if (input.name !== undefined) release.name = input.name;
  if (input.body !== undefined) release.body = input.body;
  if (input.draft === false && release.draft) {
    if (hasPublished(repo, release.tag_name))
      return validationFailed(docs, { resource: "Release", code: "already_exists", field: "tag_name" });
    const refused = publish(repo, release, docs);
    if (refused) return refused;
  }
  return { status: 200, body: toRelease(repo, release, urls) };
};

/** `DELETE /releases/{release_id}`: the release and its assets; the tag stays. */
export const deleteRelease: RouteHandler = ({ params, state, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const index = repo.releases.findIndex((candidate) => candidate.id === Number(params.release_id));
  if (index < 0) return notFound(docs);
  repo.releases.splice(index, 1);
  return { status: 204, body: undefined };
};

function hasPublished(repo: RepoState, tagName: string): boolean {
  return repo.releases.some((release) => release.tag_name === tagName && !release.draft);
}

/** `POST {uploads}/…/releases/{release_id}/assets?name=`: the raw body is the asset; a taken name is 422. */
export const uploadReleaseAsset: RouteHandler = ({ params, query, rawBody, grant, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const release = repo.releases.find((candidate) => candidate.id === Number(params.release_id));
  if (!release) return notFound(docs);
  const name = query.name!;
  if (release.assets.some((asset) => asset.name === name)) {
    return validationFailed(docs, { resource: "ReleaseAsset", code: "already_exists", field: "name" });
  }
  if (rawBody.byteLength === 0) return errorResponse(400, "Bad Content-Length", docs);
  const asset: StoredAsset = {
    id: state.releaseId(),
    name,
    bytes: Buffer.from(rawBody),
    content_type: "application/octet-stream",
    created_at: toTimestamp(new Date()),
    uploader: grant.login,
  };
  release.assets.push(asset);
  return { status: 201, body: toAsset(repo, release, asset, urls) };
};

/** `GET /releases/assets/{asset_id}`: JSON metadata, or the bytes with `Accept: application/octet-stream`. */
export const getReleaseAsset: RouteHandler = ({ params, state, urls, accept, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  for (const release of repo.releases) {
    const asset = release.assets.find((candidate) => candidate.id === Number(params.asset_id));
    if (!asset) continue;
    if (/application\/octet-stream/.test(accept)) return { status: 200, bytes: asset.bytes };
    return { status: 200, body: toAsset(repo, release, asset, urls) };
  }
  return notFound(docs);
};

/** `DELETE /releases/assets/{asset_id}`: the asset only; its release stays. */
export const deleteReleaseAsset: RouteHandler = ({ params, state, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  for (const release of repo.releases) {
    const index = release.assets.findIndex((candidate) => candidate.id === Number(params.asset_id));
    if (index < 0) continue;
    release.assets.splice(index, 1);
    return { status: 204, body: undefined };
  }
  return notFound(docs);
};

function publish(repo: RepoState, release: StoredRelease, docs: string): ReturnType<RouteHandler> | undefined {
  const tagRef = `refs/tags/${release.tag_name}`;
  if (!repo.refs.has(tagRef)) {
    const target = repo.commits.has(release.target_commitish)
      ? release.target_commitish
      : repo.refs.get(`refs/heads/${release.target_commitish}`);
    if (target === undefined)
      return validationFailed(docs, { resource: "Release", code: "invalid", field: "target_commitish" });
    repo.refs.set(tagRef, target);
  }
  release.draft = false;
  release.published_at = toTimestamp(new Date());
  return undefined;
}

function toRelease(repo: RepoState, release: StoredRelease, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.repo}/releases/${release.id}`;
  const web = `${urls.web}/${repo.owner}/${repo.repo}`;
  return {
    url: api,
    html_url: release.draft
      ? `${web}/releases/tag/untagged-${release.id}`
      : `${web}/releases/tag/${encodeURIComponent(release.tag_name)}`,
    assets_url: `${api}/assets`,
    upload_url: `${urls.api}/repos/${repo.owner}/${repo.repo}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${urls.api}/repos/${repo.owner}/${repo.repo}/tarball/${encodeURIComponent(release.tag_name)}`,
    zipball_url: `${urls.api}/repos/${repo.owner}/${repo.repo}/zipball/${encodeURIComponent(release.tag_name)}`,
    id: release.id,
    node_id: toNodeId("RE", release.id),
    tag_name: release.tag_name,
    target_commitish: release.target_commitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: release.created_at,
    published_at: release.published_at,
    updated_at: release.published_at ?? release.created_at,
    author: toSimpleUser(release.author, release.author.endsWith("[bot]") ? "Bot" : "User", urls),
    assets: release.assets.map((asset) => toAsset(repo, release, asset, urls)),
  };
}

function toAsset(repo: RepoState, release: StoredRelease, asset: StoredAsset, urls: Urls): Record<string, unknown> {
  return {
    url: `${urls.api}/repos/${repo.owner}/${repo.repo}/releases/assets/${asset.id}`,
    browser_download_url: `${urls.web}/${repo.owner}/${repo.repo}/releases/download/${encodeURIComponent(release.tag_name)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: toNodeId("RA", asset.id),
    name: asset.name,
    label: null,
    state: "uploaded",
    content_type: asset.content_type,
    size: asset.bytes.byteLength,
    digest: `sha256:${createHash("sha256").update(asset.bytes).digest("hex")}`,
    download_count: 0,
    created_at: asset.created_at,
    updated_at: asset.created_at,
    uploader: toSimpleUser(asset.uploader, asset.uploader.endsWith("[bot]") ? "Bot" : "User", urls),
  };
}
