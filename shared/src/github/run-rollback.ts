import { worstVerdict } from "../core/verdict.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { RollbackResult } from "../registry/registry-result.js";
import { readRollbackInputs } from "../registry/rollback-inputs.js";
import { rollbackWithReport } from "../registry/rollback-with-report.js";
import type { ActionRun } from "./action-run.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { applyRegistryEffects } from "./registry-effects.js";
import { loadBaseRegistryPolicy } from "./load-base-registry-policy.js";
import { readRunApprovals } from "./read-run-approvals.js";
import { readStageRules } from "../registry/stage-rules.js";

/**
 * rollback in an action (meant for workflow_dispatch): checks the default branch's registry: rules for the stage
 * (a `rollback-environment` needs this run's approved review for that environment), verifies the target's artifacts
 * against their recorded digests, writes the unassignment of the current version and the assignment of the target,
 * then records the deployment and starts the dispatch workflow. The stage's history goes into the report.
 */
export async function runRollback(run: ActionRun): Promise<RollbackResult> {
  const inputs = readRollbackInputs(run.getInput);
  const model = requireRegistryName(inputs.model, "model");
  run.setKey(model);
  const stage = requireRegistryName(inputs.stage, "stage");
  const client = await run.github("roll a stage back");
  const runUrl = run.context.runUrl ?? null;
  // A dispatched run may be on any branch: the default branch's policy decides, never the checked-out one.
  const base = await loadBaseRegistryPolicy(run, inputs.policy, null);
  const rules = readStageRules(base.policy, stage, base.source);
  const approvals = rules.rollbackEnvironment === null ? { unavailable: "is not needed" } : await readRunApprovals(client.octokit, client.repo, run.context.runId);
  const guard = { rules, policy: base.provenance, approvals, notes: base.notes };
  const { result, outcome } = await rollbackWithReport(openGitHubRegistryStore(client.octokit, client.repo), {
    model,
    stage,
    ...(inputs.to !== undefined ? { to: inputs.to } : {}),
    reason: inputs.reason.trim(),
    actor: run.context.actor || "github-actions",
    runUrl,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  }, guard);
  if (!outcome || !result.rollback) return result;
  const to = result.rollback.to;
  const description = `${model} ${stage} rolled back from ${outcome.from} to ${to}`;
  const applied = await applyRegistryEffects(client, inputs, { sha: outcome.to.commitSha, model, stage, version: to, tag: result.rollback.assign_tag, description, runUrl });
  const checks = [...result.checks, ...applied.checks];
  return { ...result, checks, verdict: worstVerdict(checks.map((check) => check.verdict)), rollback: { ...result.rollback, ...applied.effects } };
}
