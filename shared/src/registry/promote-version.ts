import { sha256Hex } from "../data/digest.js";
import { InputError } from "../errors/modelgate-error.js";
import { toCanonicalJson } from "../report/canonical-json.js";
import { appendStageEvent } from "./append-stage-event.js";
import type { AppendOptions } from "./append-stage-event.js";
import { readModelRegistry } from "./read-model-registry.js";
import type { ModelRegistry, RegisteredVersion, StageEvent } from "./read-model-registry.js";
import { RegistryError } from "./registry-error.js";
import { requireRegistryName } from "./registry-names.js";
import type { ArtifactRecord, GateRecord, VersionRecord } from "./registry-records.js";
import type { RegistryStore, StoredAsset } from "./registry-store.js";
import { formatVersionTag } from "./registry-tags.js";
import { currentAssignment } from "./stage-state.js";
import { bumpVersion, normalizeVersion } from "./semver.js";
import type { Bump } from "./semver.js";
import { verifyVersionAssets } from "./verify-assets.js";

export interface PromoteRequest {
  model: string;
  stage: string;
  /** An explicit version, or a bump of the highest registered one. */
  version: { explicit: string } | { bump: Bump };
  /** The commit that produced the model (the version tag and stage events go on it). */
  commitSha: string;
  artifacts: StoredAsset[];
  manifestSha256: string | null;
  metrics: Record<string, number>;
  gates: GateRecord[];
  /** Promoted with the CLI's explicit --allow-ungated: written into the record. */
  allowUngated?: boolean;
  actor: string;
  reason: string | null;
  runUrl: string | null;
  /** ISO timestamp written into new records. */
  now: string;
}

export interface PromoteOutcome {
  version: RegisteredVersion;
  /** The event written, or the existing assignment when the stage already held this version. */
  event: StageEvent;
  versionCreated: boolean;
  eventCreated: boolean;
  previousVersion: string | null;
  attempts: number;
}

/**
 * Registers a version (tag + record + stored artifacts) unless it exists with the same content, verifies the stored
 * artifacts, then assigns it to the stage. Re-running the same promotion is a no-op.
 * @throws RegistryError when the version exists with another commit or other artifacts, or assets do not verify.
 */
export async function promoteVersion(store: RegistryStore, request: PromoteRequest, options: AppendOptions = {}): Promise<PromoteOutcome> {
  const model = requireRegistryName(request.model, "model");
  const stage = requireRegistryName(request.stage, "stage");
  const artifacts = toArtifactRecords(request.artifacts);
  let registry = await readModelRegistry(store, model);
  const version = "explicit" in request.version
    ? normalizeVersion(request.version.explicit)
    : bumpVersion(registry.versions.map((v) => v.version), request.version.bump);
  const tag = formatVersionTag(model, version);

  let registered = findSameVersion(registry, tag, version, request, artifacts);
  let versionCreated = false;
  if (!registered) {
    const uris = await store.putAssets(tag, request.artifacts);
    const record: VersionRecord = {
      schema: "modelgate.registry/v1",
      model,
      version,
      artifacts: artifacts.map((artifact) => ({ ...artifact, uri: uris.get(artifact.name) ?? artifact.uri })),
      manifest_sha256: request.manifestSha256,
      metrics: request.metrics,
      gates: request.gates,
      actor: request.actor,
      created_at: request.now,
      ...(request.allowUngated ? { allow_ungated: true } : {}),
    };
    const outcome = await store.createTag({ name: tag, commitSha: request.commitSha, message: toCanonicalJson(record) });
    if (outcome.created) {
      registered = { tag, version, commitSha: request.commitSha, objectSha: outcome.tag.objectSha, record };
      versionCreated = true;
    } else {
      // Another run registered the same version meanwhile: accept it only when it is the same content.
      registry = await readModelRegistry(store, model);
      registered = findSameVersion(registry, tag, version, request, artifacts);
      if (!registered) throw new RegistryError(`Version tag ${tag} could not be created.`, `Check that the token may create tags, then re-run.`);
    }
  }
  await verifyVersionAssets(store, tag, registered.record.artifacts);

  let previousVersion: string | null = null;
  const appended = await appendStageEvent(store, model, (now) => {
    const current = currentAssignment(now, stage);
    if (current?.record.version === version) return { kind: "done", result: current };
    previousVersion = current?.record.version ?? null;
    return {
      kind: "write",
      stage,
      cancel: false,
      commitSha: registered.commitSha,
      record: { event: "promote", version, previous_version: previousVersion, reason: request.reason, actor: request.actor, run_url: request.runUrl, created_at: request.now },
    };
  }, options);
  const event = appended.event!;
  const eventCreated = appended.created;
  return { version: registered, event, versionCreated, eventCreated, previousVersion: eventCreated ? previousVersion : event.record.previous_version, attempts: appended.attempts };
}

function toArtifactRecords(assets: readonly StoredAsset[]): ArtifactRecord[] {
  const seen = new Set<string>();
  return assets.map((asset) => {
    if (!/^[A-Za-z0-9._-]+$/.test(asset.name) || asset.name.startsWith(".") || seen.has(asset.name)) {
      throw new InputError(
        `Artifact name "${asset.name}" is ${seen.has(asset.name) ? "given twice" : "not a plain file name"}.`,
        `Give each artifact a distinct file name of letters, digits, ".", "_" and "-" (it becomes a release asset name).`,
        { input: "artifacts" },
      );
    }
    seen.add(asset.name);
    return { name: asset.name, sha256: sha256Hex(asset.bytes), bytes: asset.bytes.byteLength, uri: "", ...(asset.role ? { role: asset.role } : {}) };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The registered version when it has the same commit and artifact digests; throws when it differs; undefined when absent. */
function findSameVersion(registry: ModelRegistry, tag: string, version: string, request: PromoteRequest, artifacts: ArtifactRecord[]): RegisteredVersion | undefined {
  const untrusted = registry.problems.find((problem) => problem.tag === tag);
  if (untrusted) {
    throw new RegistryError(`Version tag ${tag} exists but ${untrusted.problem}.`, `Promote a new version; ${tag} cannot be trusted.`, { input: "version" });
  }
  const existing = registry.versions.find((v) => v.version === version);
  if (!existing) return undefined;
  const digests = (list: readonly ArtifactRecord[]) => list.map((a) => `${a.name}:${a.sha256}`).sort().join(",");
  const sameArtifacts = digests(existing.record.artifacts) === digests(artifacts);
  if (existing.commitSha !== request.commitSha || !sameArtifacts || existing.record.manifest_sha256 !== request.manifestSha256) {
    const what = existing.commitSha !== request.commitSha ? `commit ${existing.commitSha}` : sameArtifacts ? "another manifest" : "other artifact digests";
    throw new RegistryError(
      `Version ${version} of ${registry.model} already exists with ${what}; a version's identity is its commit and artifact digests.`,
      `Promote these artifacts as a new version (e.g. bump: patch), or promote the existing ${version} unchanged.`,
      { input: "version" },
    );
  }
  return existing;
}
