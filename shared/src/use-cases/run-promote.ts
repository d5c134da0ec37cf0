import type { Check } from "../core/check.js";
import { worstVerdict } from "../core/verdict.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { BasePolicy } from "../policy/base-policy.js";
import { toRegistryGtoPolicy } from "../registry/registry-policy-schema.js";
import { promoteOnEvidence } from "../registry/promote-on-evidence.js";
import type { PromoteInputs } from "../registry/promote-inputs.js";
import type { RequiredCheckOutcome } from "../registry/promotion-evidence.js";
import { readPromotionFiles } from "../registry/read-promotion-files.js";
import type { PromoteResult, RegistryEffects } from "../registry/registry-result.js";
import type { RegistryStore } from "../registry/registry-store.js";
import type { StageMove } from "../registry/stage-move.js";
import { readStageRules } from "../registry/stage-rules.js";
import type { RequiredCheckSpec } from "../registry/stage-rules.js";

/** Where a promotion happens, as its edge found it. */
export interface PromoteTarget {
  store: RegistryStore;
  /** The commit the version tag is written on. */
  commitSha: string;
  /** The commit the gates judged (the merged pull request's head), and the pull request. */
  judged: { sha: string; pull_number: number | null };
  /** The policy whose `registry:` rules decide. */
  base: BasePolicy;
}

/**
 * What promote's edge provides: file access, the registry, commit and policy (found in the edge's own order: the
 * action finds the judged commit first and reads the policy at its base; the command line reads the local policy
 * first), the required checks, and the deployment and dispatch after a promotion (the action only).
 */
export interface PromoteEdge {
  access: FileAccess;
  locate(): Promise<PromoteTarget>;
  readRequiredChecks(specs: RequiredCheckSpec[], target: PromoteTarget): Promise<RequiredCheckOutcome[]>;
  applyEffects?: (move: StageMove) => Promise<{ effects: RegistryEffects; checks: Check[] }>;
  actor: string;
  runUrl: string | null;
  /** The command line's explicit --allow-ungated. */
  allowUngated?: boolean;
}

/**
 * promote: reads the artifacts, the manifest and the gates' results, the stage's `registry:` rules and the required
 * checks, decides on that evidence, and only then writes the version, its release and the stage event (then the
 * edge's deployment and dispatched workflow). A refusal writes nothing. The action and the CLI both run this.
 */
export async function runPromote(inputs: PromoteInputs, edge: PromoteEdge): Promise<PromoteResult> {
  const files = readPromotionFiles(inputs, edge.access);
  const target = await edge.locate();
  const rules = readStageRules(target.base.policy, inputs.stage, target.base.source);
  const requiredChecks = await edge.readRequiredChecks([...rules.checks, ...inputs.requireChecks], target);
  const { result, outcome } = await promoteOnEvidence(
    target.store,
    {
      model: inputs.model,
      stage: inputs.stage,
      version: inputs.version !== undefined ? { explicit: inputs.version } : { bump: inputs.bump! },
      commitSha: target.commitSha,
      judged: target.judged,
      files,
      requiredChecks,
      ...(edge.allowUngated !== undefined && { allowUngated: edge.allowUngated }),
      rules,
      policy: target.base.provenance,
      notes: target.base.notes,
      actor: edge.actor,
      reason: inputs.reason ?? null,
      runUrl: edge.runUrl,
      now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    { versionsPerCommit: toRegistryGtoPolicy(target.base.policy?.registry).versionsPerCommit },
  );
  if (!edge.applyEffects || !outcome || !result.promotion) return result;
  if (!outcome.eventCreated) {
    if (inputs.environment === undefined && inputs.dispatch === undefined) return result;
    return {
      ...result,
      notes: [
        ...result.notes,
        "No deployment or workflow was started again: they ran with the promotion that wrote the event.",
      ],
    };
  }
  const { model, stage, promotion } = result;
  const description = `${model} ${promotion.version} promoted to ${stage}`;
  const applied = await edge.applyEffects({
    sha: outcome.version.commitSha,
    model,
    stage,
    version: promotion.version,
    tag: promotion.event_tag,
    description,
    runUrl: edge.runUrl,
  });
  const checks = [...result.checks, ...applied.checks];
  return {
    ...result,
    checks,
    verdict: worstVerdict(checks.map((check) => check.verdict)),
    promotion: { ...promotion, ...applied.effects },
  };
}
