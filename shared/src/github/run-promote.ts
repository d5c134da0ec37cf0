import { worstVerdict } from "../core/verdict.js";
import { promoteOnEvidence } from "../registry/promote-on-evidence.js";
import { readPromoteInputs } from "../registry/promote-inputs.js";
import { readPromotionFiles } from "../registry/read-promotion-files.js";
import { toRegistryGtoPolicy } from "../registry/registry-policy-schema.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { PromoteResult } from "../registry/registry-result.js";
import type { ActionRun } from "./action-run.js";
import { findJudgedCommit } from "./find-judged-commit.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { readRequiredChecks } from "./read-required-checks.js";
import { loadBaseRegistryPolicy } from "./load-base-registry-policy.js";
import { readStageRules } from "../registry/stage-rules.js";
import type { RequiredCheckSpec } from "../registry/stage-rules.js";
import { applyRegistryEffects } from "./registry-effects.js";

/**
 * promote in an action: reads the artifacts, the manifest and the gates' results, finds the commit the gates
 * judged, the base branch's registry: rules for the stage and the required checks (the policy's and the inputs'),
 * decides on that evidence, and only then writes the version, its release and the stage event (then the
 * deployment and the dispatched workflow). A refusal writes nothing.
 */
export async function runPromote(run: ActionRun): Promise<PromoteResult> {
  const inputs = readPromoteInputs(run.getInput);
  run.setKey(requireRegistryName(inputs.model, "model"));
  requireRegistryName(inputs.stage, "stage");
  const files = readPromotionFiles(inputs, run.fileAccess);
  const client = await run.github("promote a model version");
  const judged = await findJudgedCommit(client.octokit, client.repo, run.context.sha, run.context.branch);
  const base = await loadBaseRegistryPolicy(run, inputs.policy, judged.baseSha);
  const rules = readStageRules(base.policy, inputs.stage, base.source);
  const specs = uniqueChecks([...rules.checks, ...inputs.requireChecks]);
  const requiredChecks = await readRequiredChecks(client.octokit, client.repo, judged, specs);
  const runUrl = run.context.runUrl ?? null;
  const { result, outcome } = await promoteOnEvidence(openGitHubRegistryStore(client.octokit, client.repo), {
    model: inputs.model,
    stage: inputs.stage,
    version: inputs.version !== undefined ? { explicit: inputs.version } : { bump: inputs.bump! },
    commitSha: run.context.sha,
    judged: { sha: judged.sha, pull_number: judged.pullNumber },
    files,
    requiredChecks,
    rules,
    policy: base.provenance,
    notes: base.notes,
    actor: run.context.actor || "github-actions",
    reason: inputs.reason ?? null,
    runUrl,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  }, { versionsPerCommit: toRegistryGtoPolicy(base.policy?.registry).versionsPerCommit });
  if (!outcome || !result.promotion) return result;
  if (!outcome.eventCreated) {
    if (inputs.environment === undefined && inputs.dispatch === undefined) return result;
    return { ...result, notes: [...result.notes, "No deployment or workflow was started again: they ran with the promotion that wrote the event."] };
  }
  const { model, stage, promotion } = result;
  const description = `${model} ${promotion.version} promoted to ${stage}`;
  const applied = await applyRegistryEffects(client, inputs, { sha: outcome.version.commitSha, model, stage, version: promotion.version, tag: promotion.event_tag, description, runUrl });
  const checks = [...result.checks, ...applied.checks];
  return { ...result, checks, verdict: worstVerdict(checks.map((check) => check.verdict)), promotion: { ...promotion, ...applied.effects } };
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
