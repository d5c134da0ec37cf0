import { createOctokit } from "../../../../shared/src/github/create-octokit.js";
import type { ModelgateOctokit } from "../../../../shared/src/github/create-octokit.js";
import { useGitHubStandIn } from "../../../support/github-stand-in/use-github-stand-in.js";

/**
 * A fresh API stand-in per test, and Octokit clients pointed at it with 10 ms retry waits.
 * Call at the top of a test file; read `api()` inside tests.
 */
export function useStandIn(defaultToken = "ghs_test_write") {
  const api = useGitHubStandIn();
  return {
    api,
    octokit: (token = defaultToken): ModelgateOctokit =>
      createOctokit({
        token,
        baseUrl: api().url,
        log: { warning: () => undefined, debug: () => undefined },
        retryAfterBaseValue: 10,
      }),
  };
}
