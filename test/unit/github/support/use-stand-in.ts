import { afterEach, beforeEach } from "vitest";
import { createOctokit } from "../../../../shared/src/github/create-octokit.js";
import type { ModelgateOctokit } from "../../../../shared/src/github/create-octokit.js";
import { startGitHubStandIn } from "../../../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../../../support/github-stand-in/stand-in-types.js";

/**
 * A fresh API stand-in per test, and Octokit clients pointed at it with 10 ms retry waits.
 * Call at the top of a test file; read `api()` inside tests.
 */
export function useStandIn(defaultToken = "ghs_test_write") {
  let standIn: GitHubStandIn;
  beforeEach(async () => {
    standIn = await startGitHubStandIn();
  });
  afterEach(async () => {
    await standIn.close();
  });
  return {
    api: (): GitHubStandIn => standIn,
    octokit: (token = defaultToken): ModelgateOctokit =>
      createOctokit({ token, baseUrl: standIn.url, log: { warning: () => undefined, debug: () => undefined }, retryAfterBaseValue: 10 }),
  };
}
