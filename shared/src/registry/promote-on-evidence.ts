import { worstVerdict } from "../core/verdict.js";
import type { RequiredCheckOutcome } from "./promotion-evidence.js";
import { decidePromotion } from "./decide-promotion.js";
import type { PromoteOutcome } from "./promote-version.js";
import { promoteVersion } from "./promote-version.js";
import type { RegisterOptions } from "./register-version.js";
import type { PromotionFiles } from "./read-promotion-files.js";
import { readModelRegistry } from "./read-model-registry.js";
import { registryHistory } from "./registry-history.js";
import { toVersionPage } from "./version-page.js";
import { requireRegistryName } from "./registry-names.js";
import type { PromoteResult } from "./registry-result.js";
import type { RegistryStore } from "./registry-store.js";
import type { Bump } from "./semver.js";
import type { PolicyProvenance } from "../core/result-base.js";
import type { StageRules } from "./stage-rules.js";

export interface EvidencePromoteRequest {
  model: string;
  stage: string;
  version: { explicit: string } | { bump: Bump };
  /** The commit the version tag and stage event go on. */
  commitSha: string;
  /** The commit whose checks were read (the merged pull request's head, or the commit itself). */
  judged: { sha: string; pull_number: number | null };
  files: PromotionFiles;
  requiredChecks: readonly RequiredCheckOutcome[];
  /** Promote without any gate evidence (the CLI's explicit --allow-ungated); the action never sets it. */
  allowUngated?: boolean;
  /** The policy's rules for the stage, and which policy file they came from. */
  rules?: StageRules;
  policy?: PolicyProvenance;
  /** Sentences about how the policy was found, shown with the result. */
  notes?: readonly string[];
  actor: string;
  reason: string | null;
  runUrl: string | null;
  now: string;
}

/** The result, and what the registry write did (null when the evidence refused the promotion). */
export interface EvidencePromoteOutcome {
  result: PromoteResult;
  outcome: PromoteOutcome | null;
}

/**
 * Decides on the evidence, and only when it allows writes the version and the stage event; the result carries the
 * checks, the record written and the stage's history. A refusal writes nothing. Action and CLI alike.
 */
export async function promoteOnEvidence(
  store: RegistryStore,
  request: EvidencePromoteRequest,
  options: RegisterOptions = {},
): Promise<EvidencePromoteOutcome> {
  const model = requireRegistryName(request.model, "model");
  const stage = requireRegistryName(request.stage, "stage");
  const { files } = request;
  const decision = decidePromotion({
    requiredChecks: request.requiredChecks,
    results: files.results,
    artifacts: files.artifacts,
    manifest: files.manifest,
    runUrl: request.runUrl,
    model,
    allowUngated: request.allowUngated ?? false,
    ...(request.rules ? { rules: request.rules } : {}),
  });
  const base = {
    action: "promote" as const,
    key: model,
    policy: request.policy ?? { file: "", sha256: "", source: "file" as const },
    subject: decision.subject,
    model,
    stage,
    commit_sha: request.commitSha,
    judged: request.judged,
    gates: decision.gates,
  };
  if (worstVerdict(decision.checks.map((check) => check.verdict)) === "fail") {
    const notes = [...(request.notes ?? []), "Nothing was written: the evidence does not allow this promotion."];
    const history = registryHistory(await readModelRegistry(store, model), stage);
    return {
      result: {
        ...base,
        verdict: "fail",
        checks: decision.checks,
        notes,
        promotion: null,
        history,
        version_page: null,
      },
      outcome: null,
    };
  }
  const outcome = await promoteVersion(
    store,
    {
      model,
      stage,
      version: request.version,
      commitSha: request.commitSha,
      artifacts: files.assets,
      manifestSha256: files.manifest?.sha256 ?? null,
      metrics: files.metrics,
      gates: decision.gates,
      ...(request.allowUngated ? { allowUngated: true } : {}),
      actor: request.actor,
      reason: request.reason,
      runUrl: request.runUrl,
      now: request.now,
    },
    options,
  );
  const version = outcome.version.version;
  const after = await readModelRegistry(store, model);
  const registered = after.versions.find((v) => v.version === version) ?? outcome.version;
  const notes = outcome.eventCreated
    ? [...(request.notes ?? [])]
    : [
        ...(request.notes ?? []),
        `${stage} already held ${model} ${version} (${outcome.event.tag}): nothing was written.`,
      ];
  if (outcome.superseded.length > 0) {
    const higher = outcome.superseded.map((event) => `${event.record.version} (${event.tag})`).join(", ");
    notes.push(
      `Unassigned ${higher} from ${stage} first: GTO names the highest active version of a stage, so a lower one is only the holder once the higher ones are unassigned.`,
    );
  }
  if (request.allowUngated && files.results.length === 0 && request.requiredChecks.length === 0)
    notes.push(
      "Promoted without gate evidence (allow-ungated): the record's gates are empty and it says allow_ungated.",
    );
  else if (request.allowUngated)
    notes.push(
      "Promoted with allow-ungated: the record says allow_ungated, since required gates or checks may be missing.",
    );
  const result: PromoteResult = {
    ...base,
    verdict: worstVerdict(decision.checks.map((check) => check.verdict)),
    checks: decision.checks,
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
      deployment: null,
      dispatched: null,
    },
    history: registryHistory(after, stage),
    version_page: toVersionPage(after, registered),
  };
  return { result, outcome };
}
