import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleBlob } from "./handle-blob.js";
import { answerTwirp } from "./handle-twirp.js";
import type { ResultsState } from "./results-state.js";
import { makeRuntimeToken } from "./runtime-token.js";
import { checkMessage, SHAPES } from "./twirp-shapes.js";

export interface ResultsStandIn {
  url: string;
  state: ResultsState;
  /** The variables a runner gives a step for these services. */
  env: Record<string, string>;
  /** Refused requests (wrong shape, token, signature): a test expects none. */
  refused(): string[];
  close(): Promise<void>;
}

/**
 * A loopback stand-in of the runner's results service (the Twirp JSON API of artifacts v2+ and cache
 * v2) and of the blob storage its signed URLs point at. It checks every request's shape against the
 * packages' message definitions, the bearer token and each URL's signature, and stores what it is sent,
 * so @actions/artifact's and @actions/cache's real upload, finalize, download, save and restore code runs.
 */
export async function startResultsStandIn(): Promise<ResultsStandIn> {
  const state: ResultsState = {
    token: makeRuntimeToken("run-backend-1", "job-backend-1"),
    blobs: new Map(),
    artifacts: [],
    cacheEntries: [],
    requests: [],
    nextId: 1,
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => route(state, request, Buffer.concat(chunks), response, url));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    env: { ACTIONS_RESULTS_URL: `${url}/`, ACTIONS_RUNTIME_TOKEN: state.token, ACTIONS_CACHE_SERVICE_V2: "true" },
    refused: () =>
      state.requests.filter((r) => r.problems.length > 0).map((r) => `${r.method} ${r.call}: ${r.problems.join("; ")}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function route(
  state: ResultsState,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
  origin: string,
): void {
  const url = new URL(request.url ?? "/", origin);
  if (url.pathname.startsWith("/blob/")) {
    state.requests.push({ method: request.method ?? "", ...handleBlob(state, request, url, body, response) });
    return;
  }
  const match = /^\/twirp\/([\w.]+\/\w+)$/.exec(url.pathname);
  const call = match?.[1] ?? url.pathname;
  const shape = SHAPES[call];
  const problems: string[] = [];
  if (!shape) problems.push("no such Twirp method");
  if (request.method !== "POST") problems.push(`Twirp calls are POST, not ${request.method}`);
  if (request.headers["content-type"] !== "application/json")
    problems.push(`content-type is ${request.headers["content-type"]}, not application/json`);
  if (request.headers.authorization !== `Bearer ${state.token}`)
    problems.push("the bearer token is not ACTIONS_RUNTIME_TOKEN");
  let message: unknown;
  try {
    message = JSON.parse(body.toString("utf8"));
  } catch {
    problems.push("the body is not JSON");
  }
  if (shape && problems.length === 0) problems.push(...checkMessage(shape, message));
  state.requests.push({ method: request.method ?? "", call, problems });
  const answer =
    problems.length > 0
      ? { status: 400, body: { code: "malformed", msg: problems.join("; ") } }
      : answerTwirp(state, call.split("/")[1]!, message as Record<string, unknown>, origin);
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}
