import type { AppendOptions } from "./append-stage-event.js";
import { readModelRegistry } from "./read-model-registry.js";
import { registryCheck } from "./registry-check.js";
import { registryHistory } from "./registry-history.js";
import type { RollbackResult } from "./registry-result.js";
import type { RegistryStore } from "./registry-store.js";
import type { RollbackOutcome, RollbackRequest } from "./rollback-stage.js";
import { rollbackStage } from "./rollback-stage.js";
import type { PolicyProvenance } from "../core/result-base.js";
import type { ApprovalEvidence } from "./check-rollback-environment.js";
import { checkRollbackEnvironment } from "./check-rollback-environment.js";
import { requireRegistryName } from "./registry-names.js";
import type { StageRules } from "./stage-rules.js";

/** The policy's rules for the stage and what the run shows of its approvals (the action reads them; the CLI has none). */
export interface RollbackRules {
  rules: StageRules;
  policy: PolicyProvenance;
  approvals: ApprovalEvidence;
  notes: readonly string[];
}

/**
 * Rolls a stage back (`rollbackStage`: digests verified, unassignment then assignment) and returns the result the
 * action and the CLI render: the verified artifacts as a check, and the stage's history after the move. When the
 * stage's `rollback-environment` rule does not hold, nothing is written and the result says why (outcome null).
 */
export async function rollbackWithReport(
  store: RegistryStore,
  request: RollbackRequest,
  guard?: RollbackRules,
  options: AppendOptions = {},
): Promise<{ result: RollbackResult; outcome: RollbackOutcome | null }> {
  const environment = guard ? checkRollbackEnvironment(guard.rules, guard.approvals) : undefined;
  const policy = guard?.policy ?? { file: "", sha256: "", source: "file" as const };
  const notes = [...(guard?.notes ?? [])];
  if (environment?.verdict === "fail") {
    const model = requireRegistryName(request.model, "model");
    notes.push("Nothing was written: the policy does not allow this rollback here.");
    const history = registryHistory(await readModelRegistry(store, model), request.stage);
    const result: RollbackResult = {
      action: "rollback",
      key: model,
      verdict: "fail",
      checks: [environment],
      policy,
      notes,
      model,
      stage: request.stage,
      rollback: null,
      history,
    };
    return { result, outcome: null };
  }
  const outcome = await rollbackStage(store, request, options);
  const to = outcome.to.version;
  const artifacts = outcome.to.record.artifacts;
  const names = artifacts.map((a) => a.name).join(", ") || "none";
  const verified = registryCheck(
    `artifacts:${to}`,
    to,
    "artifact-digests",
    "pass",
    artifacts.length === 1
      ? `The artifact of ${to} (${names}) matches its recorded sha256.`
      : `The ${artifacts.length} artifacts of ${to} (${names}) match their recorded sha256.`,
  );
  const model = outcome.to.record.model;
  const result: RollbackResult = {
    action: "rollback",
    key: model,
    verdict: "pass",
    checks: environment ? [environment, verified] : [verified],
    policy,
    notes,
    model,
    stage: request.stage,
    rollback: {
      from: outcome.from,
      to,
      unassign_tag: outcome.unassignment.tag,
      assign_tag: outcome.assignment.tag,
      artifacts,
      deployment: null,
      dispatched: null,
    },
    history: registryHistory(await readModelRegistry(store, model), request.stage),
  };
  return { result, outcome };
}
