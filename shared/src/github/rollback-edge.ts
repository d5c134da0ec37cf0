import { requireRegistryName } from "../registry/registry-names.js";
import type { RollbackInputs } from "../registry/rollback-inputs.js";
import type { RollbackEdge } from "../use-cases/run-rollback.js";
import type { ActionRun } from "./action-run.js";
import type { GitHubClient } from "./github-client.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { loadBaseRegistryPolicy } from "./load-base-registry-policy.js";
import { readRunApprovals } from "./read-run-approvals.js";
import { applyRegistryEffects } from "./registry-effects.js";

/**
 * rollback's edge in an action (meant for workflow_dispatch): names the run's key after the model, reads the default
 * branch's `registry:` rules (a dispatched run may be on any branch: never the checked-out policy), this run's
 * approved reviews when the stage needs a `rollback-environment`, and records the deployment and dispatch after the move.
 * @throws InputError for a model or stage name the registry cannot carry (before anything is read).
 */
export function rollbackEdge(run: ActionRun, inputs: RollbackInputs): RollbackEdge {
  run.setKey(requireRegistryName(inputs.model, "model"));
  requireRegistryName(inputs.stage, "stage");
  let client: GitHubClient | undefined;
  return {
    async locate() {
      client = await run.github("roll a stage back");
      const base = await loadBaseRegistryPolicy(run, inputs.policy, null);
      return { store: openGitHubRegistryStore(client.octokit, client.repo), base };
    },
    readApprovals: async (rules) =>
      rules.rollbackEnvironment === null
        ? { unavailable: "is not needed" }
        : await readRunApprovals(client!.octokit, client!.repo, run.context.runId),
    applyEffects: (move) => applyRegistryEffects(client!, inputs, move),
    actor: run.context.actor || "github-actions",
    runUrl: run.context.runUrl ?? null,
  };
}
