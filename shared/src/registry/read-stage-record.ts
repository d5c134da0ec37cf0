import { readModelRegistry } from "./read-model-registry.js";
import type { RegisteredVersion, StageEvent } from "./model-registry.js";
import { RegistryError } from "./registry-error.js";
import { requireRegistryName } from "./registry-names.js";
import type { ArtifactRecord, VersionRecord } from "./registry-records.js";
import type { RegistryStore } from "./registry-store.js";
import { currentAssignment } from "./stage-state.js";
import { readVerifiedAsset } from "./verify-assets.js";

/** The version a stage holds, as a gate reads its baseline from `registry:<model>#<stage>`. */
export interface StageRecord {
  version: string;
  commitSha: string;
  event: StageEvent;
  record: VersionRecord;
  assets: ArtifactRecord[];
  /** Reads one artifact by name after checking its sha256 against the record. */
  readAsset(name: string): Promise<Uint8Array>;
}

/**
 * The current version of `stage` with its record and artifacts (contract §5: highest-N assignment not unassigned).
 * @throws RegistryError when the stage holds no version, or the version's tag is missing or untrusted.
 */
export async function readStageRecord(store: RegistryStore, model: string, stage: string): Promise<StageRecord> {
  requireRegistryName(model, "model");
  requireRegistryName(stage, "stage");
  const registry = await readModelRegistry(store, model);
  const event = currentAssignment(registry, stage);
  if (!event) {
    throw new RegistryError(
      `Stage ${stage} of model ${model} holds no version in the registry.`,
      `Promote a version to ${stage} first, or check the model and stage names (modelgate registry show ${model}).`,
      { path: `${model}#${stage}` },
    );
  }
  const version: RegisteredVersion | undefined = registry.versions.find((v) => v.version === event.record.version);
  if (!version) {
    if (event.foreign || registry.foreignVersions.some((v) => v.version === event.record.version)) {
      throw new RegistryError(
        `Stage ${stage} of ${model} holds ${event.record.version}, put there by ${event.tag} (written outside modelgate, e.g. by GTO): it has no modelgate record, so no digests, metrics or gate evidence to use.`,
        `Promote a version through modelgate to ${stage}, or name another stage (modelgate registry show ${model}).`,
        { path: `${model}#${stage}` },
      );
    }
    throw new RegistryError(
      `Stage ${stage} of ${model} holds ${event.record.version}, whose version tag is missing or untrusted.`,
      `Run modelgate registry verify ${model} and repair the version tag.`,
      { path: `${model}#${stage}` },
    );
  }
  const byName = new Map(version.record.artifacts.map((artifact) => [artifact.name, artifact]));
  return {
    version: version.version,
    commitSha: version.commitSha,
    event,
    record: version.record,
    assets: version.record.artifacts,
    async readAsset(name) {
      const artifact = byName.get(name);
      if (!artifact) {
        throw new RegistryError(
          `Version ${version.version} of ${model} has no artifact named ${name}.`,
          `Use one of: ${[...byName.keys()].join(", ") || "(none)"}.`,
          { path: name },
        );
      }
      return readVerifiedAsset(store, version.tag, artifact);
    },
  };
}
