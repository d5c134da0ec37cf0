import { afterEach, beforeEach } from "vitest";
import { startGitHubStandIn } from "./start-github-stand-in.js";
import type { GitHubStandIn } from "./stand-in-types.js";

/** A fresh stand-in for every test of the calling file; read it through the returned getter inside tests. */
export function useGitHubStandIn(): () => GitHubStandIn {
  let standIn: GitHubStandIn;
  beforeEach(async () => {
    standIn = await startGitHubStandIn();
  });
  afterEach(async () => {
    await standIn.close();
  });
  return () => standIn;
}
