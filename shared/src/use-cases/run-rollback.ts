import type { Check } from "../core/check.js";
import { worstVerdict } from "../core/verdict.js";
import type { BasePolicy } from "../policy/base-policy.js";
import type { ApprovalEvidence } from "../registry/check-rollback-environment.js";
import type { RegistryEffects, RollbackResult } from "../registry/registry-result.js";
import type { RegistryStore } from "../registry/registry-store.js";
import type { RollbackInputs } from "../registry/rollback-inputs.js";
import { rollbackWithReport } from "../registry/rollback-with-report.js";
import type { StageMove } from "../registry/stage-move.js";
import { readStageRules } from "../registry/stage-rules.js";
import type { StageRules } from "../registry/stage-rules.js";

/**
 * What rollback's edge provides: the registry and the deciding policy (found in the edge's own order), what the run
 * shows of its approvals for the stage's `rollback-environment`, and the deployment and dispatch after the move (the
 * action only).
 */
export interface RollbackEdge {
  locate(): Promise<{ store: RegistryStore; base: BasePolicy }>;
  readApprovals(rules: StageRules): Promise<ApprovalEvidence>;
  applyEffects?: (move: StageMove) => Promise<{ effects: RegistryEffects; checks: Check[] }>;
  actor: string;
  runUrl: string | null;
}

/**
 * rollback: checks the policy's `registry:` rules for the stage (a `rollback-environment` needs the run's approved
 * review for that environment), verifies the target's artifacts against their recorded digests, writes the
 * unassignment of the current version and the assignment of the target, then the edge's deployment and dispatched
 * workflow. The stage's history goes into the report. The action and the CLI both run this.
 */
export async function runRollback(inputs: RollbackInputs, edge: RollbackEdge): Promise<RollbackResult> {
  const { model, stage } = inputs;
  const { store, base } = await edge.locate();
  const rules = readStageRules(base.policy, stage, base.source);
  const approvals = await edge.readApprovals(rules);
  const guard = { rules, policy: base.provenance, approvals, notes: base.notes };
  const { result, outcome } = await rollbackWithReport(
    store,
    {
      model,
      stage,
      ...(inputs.to !== undefined ? { to: inputs.to } : {}),
      reason: inputs.reason.trim(),
      actor: edge.actor,
      runUrl: edge.runUrl,
      now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    guard,
  );
  if (!edge.applyEffects || !outcome || !result.rollback) return result;
  const to = result.rollback.to;
  const description = `${model} ${stage} rolled back from ${outcome.from} to ${to}`;
  const applied = await edge.applyEffects({
    sha: outcome.to.commitSha,
    model,
    stage,
    version: to,
    tag: result.rollback.assign_tag,
    description,
    runUrl: edge.runUrl,
  });
  const checks = [...result.checks, ...applied.checks];
  return {
    ...result,
    checks,
    verdict: worstVerdict(checks.map((check) => check.verdict)),
    rollback: { ...result.rollback, ...applied.effects },
  };
}
