import { worstVerdict } from "../gates/verdict.js";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { registryCheck } from "../registry/registry-check.js";
import { registryHistory } from "../registry/registry-history.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { RollbackResult } from "../registry/registry-result.js";
import { readRollbackInputs } from "../registry/rollback-inputs.js";
import { rollbackStage } from "../registry/rollback-stage.js";
import type { ActionRun } from "./action-run.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { applyRegistryEffects } from "./registry-effects.js";
import { NO_POLICY } from "./run-promote.js";

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
  const store = openGitHubRegistryStore(client.octokit, client.repo);
  const runUrl = run.context.runUrl ?? null;
  const outcome = await rollbackStage(store, {
    model,
    stage,
    ...(inputs.to !== undefined ? { to: inputs.to } : {}),
    reason: inputs.reason.trim(),
    actor: run.context.actor || "github-actions",
    runUrl,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  });
  const to = outcome.to.version;
  const artifacts = outcome.to.record.artifacts;
  const verified = registryCheck(
    `artifacts:${to}`,
    to,
    "artifact-digests",
    "pass",
    `The ${artifacts.length} artifact${artifacts.length === 1 ? "" : "s"} of ${to} (${artifacts.map((a) => a.name).join(", ") || "none"}) match their recorded sha256.`,
  );
  const description = `${model} ${stage} rolled back from ${outcome.from} to ${to}`;
  const effects = await applyRegistryEffects(client, inputs, { sha: outcome.to.commitSha, model, stage, version: to, tag: outcome.assignment.tag, description, runUrl });
  const checks = [verified, ...effects.checks];
  return {
    action: "rollback",
    key: model,
    verdict: worstVerdict(checks.map((check) => check.verdict)),
    checks,
    policy: NO_POLICY,
    notes: [],
    model,
    stage,
    rollback: {
      from: outcome.from,
      to,
      unassign_tag: outcome.unassignment.tag,
      assign_tag: outcome.assignment.tag,
      artifacts,
      deployment: effects.effects.deployment,
      dispatched: effects.effects.dispatched,
    },
    history: registryHistory(await readModelRegistry(store, model), stage),
  };
}
