import type { PromoteInputs } from "../registry/promote-inputs.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { RequiredCheckSpec } from "../registry/stage-rules.js";
import type { PromoteEdge } from "../use-cases/run-promote.js";
import type { ActionRun } from "./action-run.js";
import { findJudgedCommit } from "./find-judged-commit.js";
import type { JudgedCommit } from "./find-judged-commit.js";
import type { GitHubClient } from "./github-client.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { loadBaseRegistryPolicy } from "./load-base-registry-policy.js";
import { readRequiredChecks } from "./read-required-checks.js";
import { applyRegistryEffects } from "./registry-effects.js";

/**
 * promote's edge in an action: names the run's key after the model, then finds the commit the gates judged (the
 * merged pull request's head), reads the base branch's `registry:` rules at that pull request's base, verifies the
 * required checks through the API, and records the deployment and dispatch after a promotion.
 * @throws InputError for a model or stage name the registry cannot carry (before anything is read).
 */
export function promoteEdge(run: ActionRun, inputs: PromoteInputs): PromoteEdge {
  run.setKey(requireRegistryName(inputs.model, "model"));
  requireRegistryName(inputs.stage, "stage");
  let client: GitHubClient | undefined;
  let judged: JudgedCommit | undefined;
  return {
    access: run.fileAccess,
    async locate() {
      client = await run.github("promote a model version");
      judged = await findJudgedCommit(client.octokit, client.repo, run.context.sha, run.context.branch);
      const base = await loadBaseRegistryPolicy(run, inputs.policy, judged.baseSha);
      return {
        store: openGitHubRegistryStore(client.octokit, client.repo),
        commitSha: run.context.sha,
        judged: { sha: judged.sha, pull_number: judged.pullNumber },
        base,
      };
    },
    readRequiredChecks: (specs) => readRequiredChecks(client!.octokit, client!.repo, judged!, uniqueChecks(specs)),
    applyEffects: (move) => applyRegistryEffects(client!, inputs, move),
    actor: run.context.actor || "github-actions",
    runUrl: run.context.runUrl ?? null,
  };
}

/** Each job of each workflow once, in the order given. */
function uniqueChecks(specs: readonly RequiredCheckSpec[]): RequiredCheckSpec[] {
  const seen = new Set<string>();
  return specs.filter((spec) => {
    const id = `${spec.workflow}\0${spec.name}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
