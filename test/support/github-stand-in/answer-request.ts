import {
  badCredentials,
  errorResponse,
  faultResponse,
  notAccessibleByIntegration,
  notFound,
  REST_DOCS,
} from "./error-bodies.js";
import { answerGraphql, GRAPHQL_PATHS } from "./answer-graphql.js";
import { findRoute } from "./find-route.js";
import type { Urls } from "./github-objects.js";
import { loadOpenApiDescription } from "./openapi-description.js";
import { ROUTE_HANDLERS } from "./route-handlers.js";
import type { FaultQueue } from "./fault-queue.js";
import type { StandInState } from "./stand-in-state.js";
import type { StandInResponse, TokenGrant } from "./stand-in-types.js";
import { validateRequest } from "./validate-request.js";
import { validateResponse } from "./validate-response.js";

export interface StandInContext {
  state: StandInState;
  faults: FaultQueue;
  tokens: Record<string, TokenGrant>;
  violations: string[];
  urls: Urls;
}

export interface IncomingRequest {
  method: string;
  /** Percent-encoded path without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  rawBody: Buffer;
  bodyIsInvalidJson: boolean;
  token: string | undefined;
  accept: string;
  requestId: string;
}

/** Answers one request in GitHub's order: credentials, GraphQL or route, parameters and body, scripted faults, permission. */
export function answerRequest(
  context: StandInContext,
  request: IncomingRequest,
): { response: StandInResponse; route?: string } {
  const { state, tokens, violations } = context;
  const grant = request.token === undefined ? undefined : tokens[request.token];
  if (!grant) return { response: badCredentials() };
  if (GRAPHQL_PATHS.has(request.path))
    return { route: "POST /graphql", response: answerGraphql(context, request, grant) };
  const path = canonicalPath(state, request.path);
  const call = `${request.method} ${request.path}`;
  if (path === undefined) {
    violations.push(`unknown repository id: ${call}`);
    return { response: notFound() };
  }
  const { doc } = loadOpenApiDescription();
  const match = findRoute(doc, request.method, path);
  if (match.kind === "unknown-path") {
    violations.push(`unknown path: ${call}`);
    return { response: notFound() };
  }
  if (match.kind === "wrong-method") {
    violations.push(`wrong method: ${call} (${match.template} allows ${match.allowed.join(", ")})`);
    return { response: notFound() };
  }
  const route = `${match.method} ${match.template}`;
  const docs = match.operation.externalDocs?.url ?? REST_DOCS;
  if (request.bodyIsInvalidJson) {
    violations.push(`body is not JSON: ${call}`);
    return { route, response: errorResponse(400, "Problems parsing JSON", docs) };
  }
  const invalid = validateRequest(match.template, match.method, match.operation, {
    params: match.params,
    query: request.query,
    body: request.body,
  });
  if (invalid !== undefined) {
    violations.push(`invalid request: ${call}: ${invalid}`);
    return { route, response: errorResponse(422, `Invalid request.\n\n${invalid}`, docs) };
  }
  const fault = context.faults.take(request.method, path);
  if (fault) return { route, response: faultResponse(fault.status, fault.headers, request.requestId) };
  if (grant.access === "read" && request.method !== "GET" && request.method !== "HEAD") {
    return { route, response: checked(context, match, notAccessibleByIntegration(docs)) };
  }
  const handler = ROUTE_HANDLERS[route];
  if (!handler) {
    violations.push(`not implemented: ${request.method} ${match.template}`);
    return { route, response: errorResponse(501, `Not implemented by the GitHub stand-in: ${route}`, docs) };
  }
  const body = isRecord(request.body) ? request.body : undefined;
  const response = handler({
    params: match.params,
    query: request.query,
    body,
    rawBody: request.rawBody,
    grant,
    state,
    urls: context.urls,
    accept: request.accept,
    docs,
  });
  return { route, response: checked(context, match, response) };
}

/** Self-check: the stand-in's answer must fit the description's schema for that status. */
function checked(
  context: StandInContext,
  match: Extract<ReturnType<typeof findRoute>, { kind: "found" }>,
  response: StandInResponse,
): StandInResponse {
  if (response.text !== undefined || response.bytes !== undefined) return response;
  const mismatch = validateResponse(match.template, match.method, match.operation, response.status, response.body);
  if (mismatch !== undefined) {
    context.violations.push(
      `stand-in response does not match: ${match.method} ${match.template} ${response.status}: ${mismatch}`,
    );
  }
  return response;
}

/** GitHub's page links say `/repositories/{id}/…`; map them back to `/repos/{owner}/{repo}/…`, undefined if unknown. */
function canonicalPath(state: StandInState, path: string): string | undefined {
  const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
  if (!byId) return path;
  const repo = state.repoById(Number(byId[1]));
  return repo && `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}${byId[2] ?? ""}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
