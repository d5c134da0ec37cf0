import type { RegistryStore } from "../registry/registry-store.js";
import type { ActionRun } from "./action-run.js";

/**
 * This repository's registry (tags and release assets through the API), opened only when a run needs it, such as
 * evaluate-gate's `baseline: registry:<model>#<stage>`: the store's modules load then, not at every start.
 */
export function openRunRegistry(run: ActionRun, purpose: string): () => Promise<RegistryStore> {
  return async () => {
    const { openGitHubRegistryStore } = await import("./github-registry-store.js");
    const client = await run.github(purpose);
    return openGitHubRegistryStore(client.octokit, { owner: run.context.owner, repo: run.context.repo });
  };
}
