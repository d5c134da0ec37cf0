import path from "node:path";
import { sha256Hex } from "../data/digest.js";
import { readInputBytes } from "../data/read-input-file.js";
import { InputError } from "../errors/modelgate-error.js";
import type { Check, PolicyProvenance } from "../gates/gate-result.js";
import { worstVerdict } from "../gates/verdict.js";
import { parseManifestText } from "../lineage/parse-manifest.js";
import { parsePublishedResult } from "../publish/parse-published-result.js";
import type { GateEvidence, ManifestEvidence } from "../registry/decide-promotion.js";
import { decidePromotion } from "../registry/decide-promotion.js";
import { readPromoteInputs } from "../registry/promote-inputs.js";
import { promoteVersion } from "../registry/promote-version.js";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { registryHistory } from "../registry/registry-history.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { PromoteResult, RegistryEffects } from "../registry/registry-result.js";
import type { StoredAsset } from "../registry/registry-store.js";
import type { ActionRun } from "./action-run.js";
import { findJudgedCommit } from "./find-judged-commit.js";
import { openGitHubRegistryStore } from "./github-registry-store.js";
import { readRequiredChecks } from "./read-required-checks.js";
import { applyRegistryEffects } from "./registry-effects.js";

/** promote and rollback decide no policy rule: the provenance says so. */
export const NO_POLICY: PolicyProvenance = { file: "", sha256: "", source: "file" };

const RESULTS_HINT = "List in results the result JSONs the modelgate gates wrote (their result output), unchanged.";

/**
 * promote in an action: reads the artifacts, the manifest and the gates' results, finds the commit the gates
 * judged and its required checks, decides on that evidence, and only then writes the version, its release and
 * the stage event (then the deployment and the dispatched workflow). A refusal writes nothing.
 */
export async function runPromote(run: ActionRun): Promise<PromoteResult> {
  const inputs = readPromoteInputs(run.getInput);
  const model = requireRegistryName(inputs.model, "model");
  run.setKey(model);
  const stage = requireRegistryName(inputs.stage, "stage");

  const artifacts: StoredAsset[] = inputs.artifacts.map((file) => ({ name: path.basename(file), bytes: readInputBytes(file, run.fileAccess, "artifacts") }));
  const digests = artifacts.map((asset) => ({ name: asset.name, sha256: sha256Hex(asset.bytes) }));
  let manifest: ManifestEvidence | null = null;
  let metrics: Record<string, number> = {};
  if (inputs.manifest !== undefined) {
    const bytes = readInputBytes(inputs.manifest, run.fileAccess, "manifest");
    const parsed = parseManifestText(bytes.toString("utf8"), inputs.manifest, "manifest");
    manifest = { file: inputs.manifest, sha256: sha256Hex(bytes), lineage_sha256: parsed.lineage_sha256, outputs: parsed.outputs };
    metrics = numericMetrics(parsed.metrics?.values ?? {});
    const name = path.basename(inputs.manifest);
    if (artifacts.some((asset) => asset.name === name)) {
      throw new InputError(`The manifest ${inputs.manifest} has the same file name as an artifact.`, `Give the manifest a name of its own; it is stored beside the artifacts.`, { input: "manifest" });
    }
    artifacts.push({ name, bytes });
  }
  const results: GateEvidence[] = inputs.results.map((file) => ({
    file,
    result: parsePublishedResult(readInputBytes(file, run.fileAccess, "results").toString("utf8"), file, RESULTS_HINT),
  }));
  for (const { result } of results) {
    if (result.action !== "evaluate-gate") continue;
    for (const check of result.checks) if (check.slice === undefined && check.value !== null && !(check.metric in metrics)) metrics[check.metric] = check.value;
  }

  const client = await run.github("promote a model version");
  const judged = await findJudgedCommit(client.octokit, client.repo, run.context.sha);
  const requiredChecks = await readRequiredChecks(client.octokit, client.repo, judged.sha, inputs.requireChecks);
  const decision = decidePromotion({ requiredChecks, results, artifacts: digests, manifest, runUrl: run.context.runUrl ?? null, model });
  const store = openGitHubRegistryStore(client.octokit, client.repo);
  const base = {
    action: "promote" as const,
    key: model,
    policy: NO_POLICY,
    subject: decision.subject,
    model,
    stage,
    commit_sha: run.context.sha,
    judged: { sha: judged.sha, pull_number: judged.pullNumber },
    gates: decision.gates,
  };
  if (worstVerdict(decision.checks.map((check) => check.verdict)) === "fail") {
    const history = registryHistory(await readModelRegistry(store, model), stage);
    return { ...base, verdict: "fail", checks: decision.checks, notes: ["Nothing was written: the evidence does not allow this promotion."], promotion: null, history };
  }

  const outcome = await promoteVersion(store, {
    model,
    stage,
    version: inputs.version !== undefined ? { explicit: inputs.version } : { bump: inputs.bump! },
    commitSha: run.context.sha,
    artifacts,
    manifestSha256: manifest?.sha256 ?? null,
    metrics,
    gates: decision.gates,
    actor: run.context.actor || "github-actions",
    reason: inputs.reason ?? null,
    runUrl: run.context.runUrl ?? null,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  });
  const version = outcome.version.version;
  const notes: string[] = [];
  let effects: { effects: RegistryEffects; checks: Check[] } = { effects: { deployment: null, dispatched: null }, checks: [] };
  if (outcome.eventCreated) {
    const description = `${model} ${version} promoted to ${stage}`;
    effects = await applyRegistryEffects(client, inputs, { sha: outcome.version.commitSha, model, stage, version, tag: outcome.event.tag, description, runUrl: run.context.runUrl ?? null });
  } else {
    notes.push(`${stage} already held ${model} ${version} (${outcome.event.tag}): nothing was written${inputs.environment !== undefined || inputs.dispatch !== undefined ? ", and no deployment or workflow was started again" : ""}.`);
  }
  const checks = [...decision.checks, ...effects.checks];
  const history = registryHistory(await readModelRegistry(store, model), stage);
  return {
    ...base,
    verdict: worstVerdict(checks.map((check) => check.verdict)),
    checks,
    notes,
    promotion: {
      version,
      version_tag: outcome.version.tag,
      event_tag: outcome.event.tag,
      version_created: outcome.versionCreated,
      event_created: outcome.eventCreated,
      previous_version: outcome.previousVersion,
      attempts: outcome.attempts,
      artifacts: outcome.version.record.artifacts,
      deployment: effects.effects.deployment,
      dispatched: effects.effects.dispatched,
    },
    history,
  };
}

function numericMetrics(values: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(values)) if (typeof value === "number" && Number.isFinite(value)) out[name] = value;
  return out;
}
