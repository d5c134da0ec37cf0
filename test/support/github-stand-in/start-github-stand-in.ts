import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { IncomingRequest, StandInContext } from "./answer-request.js";
import { answerRequest } from "./answer-request.js";
import { DEFAULT_TOKENS, readToken } from "./authenticate-request.js";
import { FaultQueue } from "./fault-queue.js";
import { ARTIFACT_STORAGE_PATH } from "./handle-workflow-runs.js";
import { seedCheckRun, seedWorkflowRun } from "./seed-workflow-run.js";
import { newComment } from "./handle-issue-comments.js";
import { newIssue } from "./handle-issues.js";
import { loadGraphqlSchema } from "./graphql-schema.js";
import { loadOpenApiDescription } from "./openapi-description.js";
import { StandInState } from "./stand-in-state.js";
import type { GitHubStandIn, RecordedRequest, StandInOptions, StandInResponse } from "./stand-in-types.js";

/**
 * Starts a stand-in for GitHub's REST and GraphQL APIs on 127.0.0.1 (a free port). Every REST request is checked
 * against GitHub's OpenAPI description and every GraphQL query against GitHub's published GraphQL schema; whatever
 * GitHub would reject is answered as GitHub would and listed in `violations`.
 */
export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  loadOpenApiDescription(); // Pay the one-off loads before the first request, not inside a client's timeout.
  loadGraphqlSchema();
  const requests: RecordedRequest[] = [];
  const context: StandInContext = {
    state: new StandInState(),
    faults: new FaultQueue(),
    tokens: options.tokens ?? DEFAULT_TOKENS,
    violations: [],
    urls: { api: "", web: "https://github.com" },
  };
  const rateLimits = new Map<string, number>();
  const server = createServer((req, res) => {
    void serve(context, requests, rateLimits, req, res).catch((error: unknown) => {
      context.violations.push(`stand-in crashed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  context.urls.api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { state, urls } = context;
  return {
    url: urls.api,
    requests,
    violations: context.violations,
    comments: (owner, repo, issueNumber) => structuredClone(state.issueComments(owner, repo, issueNumber)),
    checkRuns: (owner, repo) => structuredClone(state.repo(owner, repo).checkRuns),
    issues: (owner, repo) => structuredClone(state.repo(owner, repo).issues),
    dispatches: (owner, repo) => structuredClone(state.repo(owner, repo).dispatches),
    seedComments: (owner, repo, issueNumber, comments) => {
      for (const { body, login, type, minimized } of comments) {
        const comment = newComment(state, urls, {
          owner,
          repo,
          issueNumber,
          body,
          login,
          type: type ?? (login.endsWith("[bot]") ? "Bot" : "User"),
        });
        if (minimized !== undefined) state.minimizeComment(comment.id, minimized);
      }
    },
    minimizeComment: (commentId, reason) => state.minimizeComment(commentId, reason),
    commentMinimized: (commentId) => {
      const reason = state.minimizedReason(commentId);
      return { minimized: reason !== undefined, reason: reason ?? null };
    },
    seedIssues: (owner, repo, issues) => {
      for (const { title, body, labels, state: issueState, login, type } of issues) {
        const author = type ?? (login.endsWith("[bot]") ? "Bot" : "User");
        newIssue(state, urls, {
          owner,
          repo,
          title,
          body,
          labels: labels ?? [],
          assignees: [],
          state: issueState ?? "open",
          login,
          type: author,
        });
      }
    },
    setFile: (owner, repo, ref, path, content) => void state.repo(owner, repo).files.set(`${ref}\0${path}`, content),
    seedWorkflowRun: (owner, repo, run) => seedWorkflowRun(state, owner, repo, run),
    seedCheckRun: (owner, repo, run) => seedCheckRun(state, owner, repo, run),
    seedArtifact: (owner, repo, runId, artifact) => {
      const id = state.artifactId();
      state.repo(owner, repo).artifacts.push({ ...artifact, id, runId, signature: randomBytes(16).toString("hex") });
      return id;
    },
    seedPullRequest: (owner, repo, pull) => void state.repo(owner, repo).pulls.push(structuredClone(pull)),
    failNext: (method, pathPattern, statuses, headers) => context.faults.add(method, pathPattern, statuses, headers),
    seedCommit: (owner, repo, sha) => void state.repo(owner, repo).commits.add(sha),
    refs: (owner, repo) => [...state.repo(owner, repo).refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    releases: (owner, repo) => structuredClone(state.repo(owner, repo).releases),
    deployments: (owner, repo) => structuredClone(state.repo(owner, repo).deployments),
    seedCommitStatus: (owner, repo, sha, statusContext, statusState) => {
      const target = state.repo(owner, repo);
      target.commits.add(sha);
      target.statuses.push({
        id: state.releaseId(),
        sha,
        context: statusContext,
        state: statusState,
        creator: "ci-bot",
        created_at: "2026-01-01T00:00:00Z",
      });
    },
    seedCommitPullRequest: (owner, repo, pull) => {
      const target = state.repo(owner, repo);
      for (const sha of [pull.headSha, pull.baseSha, pull.mergeCommitSha])
        if (sha !== undefined) target.commits.add(sha);
      const created = "2026-01-01T00:00:00Z";
      target.commitPulls.push({
        number: pull.number,
        title: pull.title ?? `Pull request ${pull.number}`,
        author: pull.author ?? "octo-user",
        head_ref: pull.headRef ?? `feature-${pull.number}`,
        head_sha: pull.headSha,
        base_sha: pull.baseSha,
        merge_commit_sha: pull.mergeCommitSha ?? null,
        created_at: created,
        head_repository: pull.headRepository ?? null,
        base_ref: pull.baseRef ?? "main",
        merged_at: pull.mergeCommitSha === undefined ? null : "2026-01-01T01:00:00Z",
      });
    },
    replaceAssetBytes: (owner, repo, tagName, assetName, bytes) => {
      const asset = state
        .repo(owner, repo)
        .releases.find((release) => release.tag_name === tagName && !release.draft)
        ?.assets.find((candidate) => candidate.name === assetName);
      if (!asset) throw new Error(`No asset ${assetName} on the release of ${tagName}.`);
      asset.bytes = Buffer.from(bytes);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(
  context: StandInContext,
  requests: RecordedRequest[],
  rateLimits: Map<string, number>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", context.urls.api);
  const raw = await readBody(req);
  if (url.pathname.startsWith(ARTIFACT_STORAGE_PATH)) {
    serveArtifact(context, requests, url, res);
    return;
  }
  // Uploads are binary: only JSON (or an unlabelled body, as Octokit sends none on GET) is parsed.
  const binary = /^application\/octet-stream\b/i.test(req.headers["content-type"] ?? "");
  const incoming: IncomingRequest = {
    method: (req.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    ...(binary ? { body: undefined, bodyIsInvalidJson: false } : parseBody(raw.toString("utf8"))),
    rawBody: raw,
    token: readToken(req.headers.authorization),
    accept: req.headers.accept ?? "",
    requestId: randomBytes(8)
      .toString("hex")
      .toUpperCase()
      .replace(/(.{4})(?=.)/g, "$1:"),
  };
  const record: RecordedRequest = {
    method: incoming.method,
    path: incoming.path,
    query: incoming.query,
    body: incoming.body,
    status: 0,
    token: incoming.token,
  };
  requests.push(record);
  const { response, route } = answerRequest(context, incoming);
  record.status = response.status;
  if (route) record.route = route;
  const used = (rateLimits.get(incoming.token ?? "") ?? 0) + 1;
  rateLimits.set(incoming.token ?? "", used);
  writeResponse(res, response, {
    ...rateLimitHeaders(context, incoming.token, used),
    "x-github-request-id": incoming.requestId,
  });
}

/** Every GitHub answer carries the primary-limit headers; GITHUB_TOKEN gets 1,000 requests an hour per repository. */
function rateLimitHeaders(context: StandInContext, token: string | undefined, used: number): Record<string, string> {
  const grant = token === undefined ? undefined : context.tokens[token];
  const limit = grant === undefined ? 60 : grant.kind === "installation" ? 1000 : 5000;
  return {
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": String(Math.max(0, limit - used)),
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-used": String(used),
    "x-ratelimit-resource": "core",
  };
}

function writeResponse(res: ServerResponse, response: StandInResponse, base: Record<string, string>): void {
  if (response.bytes !== undefined) {
    const headers = {
      ...base,
      "content-type": "application/octet-stream",
      "content-length": String(response.bytes.byteLength),
      ...response.headers,
    };
    res.writeHead(response.status, headers).end(Buffer.from(response.bytes));
    return;
  }
  const text = response.text ?? (response.body === undefined ? "" : JSON.stringify(response.body));
  const headers: Record<string, string> = {
    ...base,
    "x-github-api-version-selected": "2022-11-28",
    ...(text
      ? {
          "content-type": response.text === undefined ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
        }
      : {}),
    ...response.headers,
  };
  res.writeHead(response.status, headers).end(text);
}

/** Blob storage behind the artifact download redirect: no API token, the URL's signature is the access. */
function serveArtifact(context: StandInContext, requests: RecordedRequest[], url: URL, res: ServerResponse): void {
  const artifact = context.state.findArtifact(Number(url.pathname.slice(ARTIFACT_STORAGE_PATH.length)));
  const ok = artifact !== undefined && url.searchParams.get("sig") === artifact.signature;
  requests.push({
    method: "GET",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    status: ok ? 200 : 403,
  });
  if (!ok) {
    context.violations.push(`artifact storage: unknown artifact or bad signature: ${url.pathname}`);
    res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>AuthenticationFailed</Code></Error>");
    return;
  }
  res
    .writeHead(200, { "content-type": "application/zip", "content-length": String(artifact.zip.length) })
    .end(artifact.zip);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: string): { body: unknown; bodyIsInvalidJson: boolean } {
  if (raw.trim() === "") return { body: undefined, bodyIsInvalidJson: false };
  try {
    return { body: JSON.parse(raw) as unknown, bodyIsInvalidJson: false };
  } catch {
    return { body: raw, bodyIsInvalidJson: true };
  }
}
