import { appendStageEvent } from "./append-stage-event.js";
import type { AppendOptions } from "./append-stage-event.js";
import { readModelRegistry } from "./read-model-registry.js";
import type { RegisteredVersion, StageEvent } from "./model-registry.js";
import { RegistryError } from "./registry-error.js";
import { requireRegistryName } from "./registry-names.js";
import type { RegistryStore } from "./registry-store.js";
import { formatVersionTag } from "./registry-tags.js";
import { normalizeVersion } from "./semver.js";
import { currentAssignment, higherActiveVersions, previousGoodAssignment } from "./stage-state.js";
import { verifyVersionAssets } from "./verify-assets.js";

export interface RollbackRequest {
  model: string;
  stage: string;
  /** The version to return to; default: the one assigned before the current one (contract §5). */
  to?: string;
  reason: string;
  actor: string;
  runUrl: string | null;
  now: string;
}

export interface RollbackOutcome {
  from: string;
  to: RegisteredVersion;
  unassignment: StageEvent;
  assignment: StageEvent;
}

/**
 * Moves a stage back to an earlier version: verifies the target's artifacts, writes the unassignment of the current
 * version, then the assignment of the target (`event: rollback`), each through the compare-and-swap.
 * @throws RegistryError for an empty stage, a target never promoted to the stage, or an asset that does not verify.
 */
export async function rollbackStage(
  store: RegistryStore,
  request: RollbackRequest,
  options: AppendOptions = {},
): Promise<RollbackOutcome> {
  const model = requireRegistryName(request.model, "model");
  const stage = requireRegistryName(request.stage, "stage");
  const registry = await readModelRegistry(store, model);
  if (registry.versions.length === 0 && registry.events.length === 0) {
    throw new RegistryError(
      `Model ${model} has no versions in the registry.`,
      `Check the model name (see modelgate registry list).`,
      { input: "model" },
    );
  }
  const current = currentAssignment(registry, stage);
  if (!current) {
    throw new RegistryError(
      `Stage ${stage} of ${model} holds no version, so there is nothing to roll back.`,
      `Check the stage name (see modelgate registry show ${model}).`,
      { input: "stage" },
    );
  }
  const targetVersion =
    request.to !== undefined
      ? normalizeVersion(request.to, "to")
      : previousGoodAssignment(registry, stage, current)?.record.version;
  if (targetVersion === undefined) {
    throw new RegistryError(
      `Stage ${stage} of ${model} has no earlier good version to roll back to.`,
      `Name the version with to:, or promote a fixed version instead.`,
      { input: "to" },
    );
  }
  const wasInStage = registry.events.some(
    (event) => event.stage === stage && !event.cancel && !event.foreign && event.record.version === targetVersion,
  );
  const target = registry.versions.find((version) => version.version === targetVersion);
  if (!target || !wasInStage) {
    const why = !target
      ? registry.foreignVersions.some((v) => v.version === targetVersion)
        ? " (it was registered outside modelgate and has no record to verify)"
        : " (it is not registered)"
      : "";
    throw new RegistryError(
      `Version ${targetVersion} of ${model} was never promoted to ${stage} by modelgate${why}.`,
      `Roll back only to a version that held the stage before (see modelgate registry history ${model} --stage ${stage}).`,
      { input: "to" },
    );
  }
  if (registry.deregistered.includes(targetVersion)) {
    throw new RegistryError(
      `Version ${targetVersion} of ${model} is deregistered (${model}@${targetVersion}!).`,
      `Name another version with to:.`,
      { input: "to" },
    );
  }
  if (targetVersion === current.record.version) {
    throw new RegistryError(
      `Stage ${stage} of ${model} already holds ${targetVersion}.`,
      `Name another version with to:.`,
      { input: "to" },
    );
  }
  await verifyVersionAssets(store, formatVersionTag(model, targetVersion), target.record.artifacts);

  const from = current.record.version;
  const base = { actor: request.actor, run_url: request.runUrl, created_at: request.now };
  const unassigned = await appendStageEvent(
    store,
    model,
    (now) => {
      const holder = currentAssignment(now, stage);
      if (holder?.record.version !== from) throw changedMeanwhile(model, stage, from, holder?.record.version);
      return {
        kind: "write",
        stage,
        cancel: true,
        commitSha: holder.commitSha,
        record: { event: "unassign", version: from, previous_version: null, reason: request.reason, ...base },
      };
    },
    options,
  );
  // Versions above the target still active in the stage (assigned earlier, never unassigned) would be GTO's
  // `which` answer: unassign them too, then assign the target.
  for (let step = 0; step < 2 * (options.maxAttempts ?? 30); step++) {
    const appended = await appendStageEvent(
      store,
      model,
      (now) => {
        const higher = higherActiveVersions(now, stage, targetVersion)[0];
        if (higher) {
          return {
            kind: "write",
            stage,
            cancel: true,
            commitSha: higher.commitSha,
            record: {
              event: "unassign",
              version: higher.record.version,
              previous_version: null,
              reason: `rollback to ${targetVersion}: ${request.reason}`,
              ...base,
            },
          };
        }
        return {
          kind: "write",
          stage,
          cancel: false,
          commitSha: target.commitSha,
          record: {
            event: "rollback",
            version: targetVersion,
            previous_version: from,
            reason: request.reason,
            ...base,
          },
        };
      },
      options,
    );
    if (!appended.event!.cancel)
      return { from, to: target, unassignment: unassigned.event!, assignment: appended.event! };
  }
  throw changedMeanwhile(model, stage, from, undefined);
}

function changedMeanwhile(model: string, stage: string, expected: string, found: string | undefined): RegistryError {
  return new RegistryError(
    `Stage ${stage} of ${model} changed while rolling back: it held ${expected}, now ${found ?? "nothing"}.`,
    `Look at modelgate registry history ${model} --stage ${stage}, then run the rollback again if it is still needed.`,
  );
}
