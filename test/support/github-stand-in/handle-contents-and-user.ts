import { createHash } from "node:crypto";
import { notAccessibleByIntegration, notFound } from "./error-bodies.js";
import { toPrivateUser } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";

/** Ref used when a contents request names none: the stand-in's repositories all default to `main`. */
export const DEFAULT_BRANCH = "main";

/** Above 1 MB GitHub leaves `content` empty with `encoding: "none"`; only the raw media type returns the bytes. */
export const MAX_INLINE_CONTENT_BYTES = 1024 * 1024;

export const getContent: RouteHandler = ({ params, query, state, urls, accept, docs }) => {
  const { owner, repo, path } = params as { owner: string; repo: string; path: string };
  const ref = query.ref ?? DEFAULT_BRANCH;
  const text = state.repo(owner, repo).files.get(`${ref}\0${path}`);
  if (text === undefined) return notFound(docs);
  if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, text };
  const bytes = Buffer.from(text, "utf8");
  const inline = bytes.length <= MAX_INLINE_CONTENT_BYTES;
  const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  const self = `${urls.api}/repos/${owner}/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${urls.api}/repos/${owner}/${repo}/git/blobs/${sha}`;
  const html = `${urls.web}/${owner}/${repo}/blob/${ref}/${path}`;
  return {
    status: 200,
    body: {
      type: "file",
      encoding: inline ? "base64" : "none",
      size: bytes.length,
      name: path.split("/").pop(),
      path,
      // GitHub wraps the base64 text at 60 characters with "\n"; decoders must tolerate the line breaks.
      content: !inline ? "" : (bytes.toString("base64").match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join(""),
      sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
      _links: { self, git, html },
    },
  };
};

/** GITHUB_TOKEN and other installation tokens cannot read `/user`: GitHub answers 403, not a bot profile. */
export const getAuthenticatedUser: RouteHandler = ({ grant, urls, docs }) => {
  if (grant.kind === "installation") return notAccessibleByIntegration(docs);
  return { status: 200, body: toPrivateUser(grant.login, urls) };
};
