import { readFileSync } from "node:fs";
import { GitHubApiError } from "../core/modelgate-error.js";

/** The pull request a run belongs to, from the event payload. */
export interface PullRequestRef {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
}

/** What a run knows about where it runs: read once, inside `runAction`, never at import time. */
export interface RunContext {
  eventName: string;
  /** Who started the run (GITHUB_ACTOR); empty outside a runner. */
  actor: string;
  owner: string;
  repo: string;
  sha: string;
  apiUrl: string;
  serverUrl: string;
  runUrl: string | undefined;
  /** GITHUB_RUN_ID as a number; undefined outside a runner. */
  runId: number | undefined;
  /** The branch the run is on (GITHUB_REF_NAME for branch refs); "" for tags and pull requests' merge refs. */
  branch: string;
  /** The repository's default branch, from the event payload; undefined when the payload does not say. */
  defaultBranch: string | undefined;
  workspace: string;
  runnerTemp: string;
  pullRequest: PullRequestRef | undefined;
}

const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);

/** Reads the runner's environment and event payload (GITHUB_* variables, GITHUB_EVENT_PATH). */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const payload = readEventPayload(env.GITHUB_EVENT_PATH);
  const pr = PULL_REQUEST_EVENTS.has(eventName)
    ? (payload.pull_request as Record<string, unknown> | undefined)
    : undefined;
  return {
    eventName,
    actor: env.GITHUB_ACTOR ?? "",
    owner,
    repo,
    sha: env.GITHUB_SHA ?? "",
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    serverUrl,
    runUrl: env.GITHUB_RUN_ID && owner ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? "") ? Number(env.GITHUB_RUN_ID) : undefined,
    branch: (env.GITHUB_REF ?? "").startsWith("refs/heads/") ? env.GITHUB_REF!.slice("refs/heads/".length) : "",
    defaultBranch: readDefaultBranch(payload),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? env.TMPDIR ?? "/tmp",
    pullRequest: pr ? toPullRequestRef(pr) : undefined,
  };
}

function readEventPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (cause) {
    throw new GitHubApiError(
      `Cannot read the event payload at GITHUB_EVENT_PATH (${path}).`,
      "Run the action on a GitHub runner, or point GITHUB_EVENT_PATH at the event JSON.",
      undefined,
      { cause },
    );
  }
}

function readDefaultBranch(payload: Record<string, unknown>): string | undefined {
  const repository = payload.repository as { default_branch?: unknown } | undefined;
  return typeof repository?.default_branch === "string" && repository.default_branch !== ""
    ? repository.default_branch
    : undefined;
}

function toPullRequestRef(pr: Record<string, unknown>): PullRequestRef | undefined {
  const head = pr.head as { sha?: string } | undefined;
  const base = pr.base as { sha?: string; ref?: string } | undefined;
  if (typeof pr.number !== "number" || !head?.sha || !base?.sha) return undefined;
  return { number: pr.number, headSha: head.sha, baseSha: base.sha, baseRef: base.ref ?? "" };
}
