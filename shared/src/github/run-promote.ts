import { worstVerdict } from "../gates/verdict.js";
import { promoteOnEvidence } from "../registry/promote-on-evidence.js";
import { readPromoteInputs } from "../registry/promote-inputs.js";
import { readPromotionFiles } from "../registry/read-promotion-files.js";
import { readRegistryPolicy } from "../registry/read-registry-policy.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { PromoteResult } from "../registry/registry-result.js";
import type { ActionRun } from "./action-run.js";
import { findJudgedCommit } from "./find-judged-commit.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { readRequiredChecks } from "./read-required-checks.js";
import { applyRegistryEffects } from "./registry-effects.js";

/**
 * promote in an action: reads the artifacts, the manifest and the gates' results, finds the commit the gates
 * judged and its required checks, decides on that evidence, and only then writes the version, its release and
 * the stage event (then the deployment and the dispatched workflow). A refusal writes nothing.
 */
export async function runPromote(run: ActionRun): Promise<PromoteResult> {
  const inputs = readPromoteInputs(run.getInput);
  run.setKey(requireRegistryName(inputs.model, "model"));
  requireRegistryName(inputs.stage, "stage");
  const files = readPromotionFiles(inputs, run.fileAccess);
  const registryPolicy = await readRegistryPolicy(inputs.policy, run.fileAccess);
  const client = await run.github("promote a model version");
  const judged = await findJudgedCommit(client.octokit, client.repo, run.context.sha);
  const requiredChecks = await readRequiredChecks(client.octokit, client.repo, judged.sha, inputs.requireChecks);
  const runUrl = run.context.runUrl ?? null;
  const { result, outcome } = await promoteOnEvidence(openGitHubRegistryStore(client.octokit, client.repo), {
    model: inputs.model,
    stage: inputs.stage,
    version: inputs.version !== undefined ? { explicit: inputs.version } : { bump: inputs.bump! },
    commitSha: run.context.sha,
    judged: { sha: judged.sha, pull_number: judged.pullNumber },
    files,
    requiredChecks,
    actor: run.context.actor || "github-actions",
    reason: inputs.reason ?? null,
    runUrl,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  }, { versionsPerCommit: registryPolicy.versionsPerCommit });
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
