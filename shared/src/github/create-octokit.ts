import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

/** Where the client reports rate-limit waits; `SessionLog` fits. */
export interface OctokitLog {
  warning(message: string): void;
  debug(message: string): void;
}

export interface CreateOctokitOptions {
  token: string;
  /** GITHUB_API_URL as read by the caller (GHES, or a test stand-in); never read from env here. */
  baseUrl: string;
  log: OctokitLog;
  /** Milliseconds per unit of wait for both plugins: 1000 in production; tests pass e.g. 10. */
  retryAfterBaseValue?: number;
  /** A rate-limit answer asking us to wait longer than this gives up instead of holding the job. Default 60. */
  maxRetryAfterSeconds?: number;
}

export type ModelgateOctokit = ReturnType<typeof getOctokit>;

/** Retries of one request after a primary or secondary rate limit, as GitHub's docs advise: a few, then stop. */
export const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * plugin-retry's default `doNotRetry` plus 429. The default leaves 429 retryable, and plugin-retry sits inside
 * plugin-throttling, so a 429 secondary limit was retried at 1, 4 and 9 s, ignoring `retry-after`, before the
 * throttling handlers ever saw it. With 429 here, both 403 and 429 rate limits go to those handlers.
 */
export const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

let instances = 0;

/**
 * An Octokit with plugin-retry (3 retries of 5xx and other retryable statuses; see DO_NOT_RETRY) and
 * plugin-throttling (its write pacing; rate-limit hits retried at most twice and never for longer than
 * `maxRetryAfterSeconds`). `@actions/github` adds pagination and REST methods.
 */
export function createOctokit(options: CreateOctokitOptions): ModelgateOctokit {
  const { log, maxRetryAfterSeconds = 60 } = options;
  const onLimit =
    (kind: "primary" | "secondary") =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `GitHub ${kind} rate limit on ${request.method} ${request.url}`;
      if (retryCount >= MAX_RATE_LIMIT_RETRIES) {
        log.warning(`${what}: giving up after ${retryCount} retries.`);
        return false;
      }
      if (retryAfter > maxRetryAfterSeconds) {
        log.warning(`${what}: GitHub asks to wait ${retryAfter} s, more than ${maxRetryAfterSeconds} s; giving up.`);
        return false;
      }
      log.warning(`${what}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES}).`);
      return true;
    };
  const baseValue =
    options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      log: {
        debug: (message: string) => log.debug(message),
        info: (message: string) => log.debug(message),
        warn: (message: string) => log.warning(message),
        error: (message: string) => log.warning(message),
      },
      retry: { retries: 3, doNotRetry: DO_NOT_RETRY, ...baseValue },
      throttle: {
        // The plugin paces writes per id in module-wide limiters (1 s between writes, 3 s between comments);
        // an id per client keeps one run's pacing from delaying another client in the same process (tests).
        id: `modelgate-${++instances}`,
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
        ...baseValue,
      },
    },
    retry,
    throttling,
  );
}
