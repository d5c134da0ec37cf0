import type { AppendOptions } from "./append-stage-event.js";
import { readModelRegistry } from "./read-model-registry.js";
import { registryCheck } from "./registry-check.js";
import { registryHistory } from "./registry-history.js";
import type { RollbackResult } from "./registry-result.js";
import type { RegistryStore } from "./registry-store.js";
import type { RollbackOutcome, RollbackRequest } from "./rollback-stage.js";
import { rollbackStage } from "./rollback-stage.js";

/**
 * Rolls a stage back (`rollbackStage`: digests verified, unassignment then assignment) and returns the result the
 * action and the CLI render: the verified artifacts as a check, and the stage's history after the move.
 */
export async function rollbackWithReport(store: RegistryStore, request: RollbackRequest, options: AppendOptions = {}): Promise<{ result: RollbackResult; outcome: RollbackOutcome }> {
  const outcome = await rollbackStage(store, request, options);
  const to = outcome.to.version;
  const artifacts = outcome.to.record.artifacts;
  const names = artifacts.map((a) => a.name).join(", ") || "none";
  const verified = registryCheck(`artifacts:${to}`, to, "artifact-digests", "pass", artifacts.length === 1 ? `The artifact of ${to} (${names}) matches its recorded sha256.` : `The ${artifacts.length} artifacts of ${to} (${names}) match their recorded sha256.`);
  const model = outcome.to.record.model;
  const result: RollbackResult = {
    action: "rollback",
    key: model,
    verdict: "pass",
    checks: [verified],
    policy: { file: "", sha256: "", source: "file" },
    notes: [],
    model,
    stage: request.stage,
    rollback: { from: outcome.from, to, unassign_tag: outcome.unassignment.tag, assign_tag: outcome.assignment.tag, artifacts, deployment: null, dispatched: null },
    history: registryHistory(await readModelRegistry(store, model), request.stage),
  };
  return { result, outcome };
}
