import { worstVerdict } from "../gates/verdict.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { RollbackResult } from "../registry/registry-result.js";
import { readRollbackInputs } from "../registry/rollback-inputs.js";
import { rollbackWithReport } from "../registry/rollback-with-report.js";
import type { ActionRun } from "./action-run.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { applyRegistryEffects } from "./registry-effects.js";

/**
 * rollback in an action (meant for workflow_dispatch): verifies the target's artifacts against their recorded
 * digests, writes the unassignment of the current version and the assignment of the target, then records the
 * deployment and starts the dispatch workflow. The stage's history goes into the report.
 */
export async function runRollback(run: ActionRun): Promise<RollbackResult> {
  const inputs = readRollbackInputs(run.getInput);
  const model = requireRegistryName(inputs.model, "model");
  run.setKey(model);
  const stage = requireRegistryName(inputs.stage, "stage");
  const client = await run.github("roll a stage back");
  const runUrl = run.context.runUrl ?? null;
  const { result, outcome } = await rollbackWithReport(openGitHubRegistryStore(client.octokit, client.repo), {
    model,
    stage,
    ...(inputs.to !== undefined ? { to: inputs.to } : {}),
    reason: inputs.reason.trim(),
    actor: run.context.actor || "github-actions",
    runUrl,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  });
  const to = result.rollback.to;
  const description = `${model} ${stage} rolled back from ${outcome.from} to ${to}`;
  const applied = await applyRegistryEffects(client, inputs, { sha: outcome.to.commitSha, model, stage, version: to, tag: result.rollback.assign_tag, description, runUrl });
  const checks = [...result.checks, ...applied.checks];
  return { ...result, checks, verdict: worstVerdict(checks.map((check) => check.verdict)), rollback: { ...result.rollback, ...applied.effects } };
}
