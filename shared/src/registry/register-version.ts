import { toCanonicalJson } from "../core/canonical-json.js";
import { defaultBackoff, nextTaggerTime } from "./append-stage-event.js";
import type { AppendOptions } from "./append-stage-event.js";
import { readModelRegistry } from "./read-model-registry.js";
import type { ModelRegistry, RegisteredVersion } from "./model-registry.js";
import { RegistryError } from "./registry-error.js";
import type { ArtifactRecord, VersionRecord } from "./registry-records.js";
import type { RegistryStore, StoredAsset } from "./registry-store.js";
import { formatVersionTag } from "./registry-tags.js";
import { bumpVersion, normalizeVersion } from "./semver.js";
import type { Bump } from "./semver.js";
import { commitTaken, lostRace, versionExists } from "./version-conflicts.js";

/** How many versions of one model a commit may carry: `one` as GTO requires (default), or `many`. */
export type VersionsPerCommit = "one" | "many";

export interface RegisterOptions extends AppendOptions {
  versionsPerCommit?: VersionsPerCommit;
}

export interface RegisterRequest {
  model: string;
  version: { explicit: string } | { bump: Bump };
  commitSha: string;
  artifacts: StoredAsset[];
  /** The artifacts' records (sorted, digests computed), without URIs. */
  records: ArtifactRecord[];
  record: Omit<VersionRecord, "schema" | "model" | "version" | "artifacts">;
}

/**
 * Registers a version with one commit point (contract §5): the artifacts are staged privately, then the version
 * tag's ref is created (with `versions-per-commit: one`, after the commit's claim ref); only the writer that created
 * it publishes, a loser discards its staging and writes nothing visible. A bump that lost its version to another
 * writer re-reads and takes the next one. Re-registering the same commit and digests returns the existing version
 * (and publishes its artifacts if a writer stopped before it could).
 * @throws RegistryError when the version or the commit is taken by other content, or every attempt lost.
 */
export async function registerVersion(
  store: RegistryStore,
  request: RegisterRequest,
  options: RegisterOptions = {},
): Promise<{ version: RegisteredVersion; created: boolean; attempts: number }> {
  const { model } = request;
  const perCommit = options.versionsPerCommit ?? "one";
  const maxAttempts = options.maxAttempts ?? 30;
  const backoff = options.backoff ?? defaultBackoff;
  let raced = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const registry = await readModelRegistry(store, model);
    const identical = findIdentical(registry, request);
    if (identical) {
      await publishIfMissing(store, identical, request.artifacts);
      return { version: identical, created: false, attempts: attempt };
    }
    const version =
      "explicit" in request.version
        ? normalizeVersion(request.version.explicit)
        : bumpVersion(allVersions(registry), request.version.bump);
    const tag = formatVersionTag(model, version);
    const taken =
      registry.versions.find((v) => v.version === version) ??
      registry.foreignVersions.find((v) => v.version === version);
    const untrusted = registry.problems.find((problem) => problem.tag === tag);
    if (untrusted)
      throw new RegistryError(
        `Version tag ${tag} exists but ${untrusted.problem}.`,
        `Promote a new version; ${tag} cannot be trusted.`,
        { input: "version" },
      );
    if (taken) throw raced ? lostRace(registry, taken, request) : versionExists(registry, taken, request);
    if (perCommit === "one") {
      const conflict = commitTaken(registry, request.commitSha, raced);
      if (conflict?.kind === "version") throw conflict.error();
      if (conflict?.kind === "pending") {
        if (attempt === maxAttempts) throw conflict.error();
        await backoff(attempt);
        continue;
      }
    }
    const staged = await store.stageAssets(tag, request.artifacts);
    const record: VersionRecord = {
      schema: "modelgate.registry/v1",
      model,
      version,
      artifacts: request.records.map((artifact) => ({
        ...artifact,
        uri: staged.uris.get(artifact.name) ?? artifact.uri,
      })),
      ...request.record,
    };
    const taggerTime = nextTaggerTime(registry, record.created_at);
    let outcome;
    try {
      outcome = await store.createTag({
        name: tag,
        commitSha: request.commitSha,
        message: toCanonicalJson(record),
        taggerTime,
        tagger: record.actor,
        ...(perCommit === "one" ? { commitClaim: { model } } : {}),
      });
    } catch (error) {
      await staged.discard();
      throw error;
    }
    if (outcome.created) {
      await staged.publish();
      return {
        version: { tag, version, commitSha: request.commitSha, objectSha: outcome.tag.objectSha, taggerTime, record },
        created: true,
        attempts: attempt,
      };
    }
    await staged.discard();
    raced = true;
    if ("explicit" in request.version && perCommit === "many") continue; // re-read: the version is now taken
    await backoff(attempt);
  }
  throw new RegistryError(
    `Could not register a version of ${model}: other promotions took the next version ${maxAttempts} times in a row.`,
    `Re-run the job; if promotions of this model run in parallel, serialize them with a workflow concurrency group.`,
  );
}

/** Every version name GTO knows for the model, ours and foreign: a bump goes past all of them. */
function allVersions(registry: ModelRegistry): string[] {
  return [
    ...registry.versions.map((v) => v.version),
    ...registry.foreignVersions.map((v) => v.version),
    ...registry.deregistered,
  ];
}

/** The version with this commit, digests and manifest: the requested one, or for a bump the highest such. */
function findIdentical(registry: ModelRegistry, request: RegisterRequest): RegisteredVersion | undefined {
  const digests = (list: readonly ArtifactRecord[]) =>
    list
      .map((a) => `${a.name}:${a.sha256}`)
      .sort()
      .join(",");
  const wanted = digests(request.records);
  const same = registry.versions.filter(
    (v) =>
      v.commitSha === request.commitSha &&
      digests(v.record.artifacts) === wanted &&
      v.record.manifest_sha256 === request.record.manifest_sha256 &&
      !registry.deregistered.includes(v.version),
  );
  if ("explicit" in request.version) {
    const version = normalizeVersion(request.version.explicit);
    return same.find((v) => v.version === version);
  }
  return same.at(-1);
}

/** A writer may have stopped between creating the version tag and publishing: publish the same bytes now. */
async function publishIfMissing(
  store: RegistryStore,
  version: RegisteredVersion,
  assets: readonly StoredAsset[],
): Promise<void> {
  const missing: string[] = [];
  for (const artifact of version.record.artifacts)
    if ((await store.readAsset(version.tag, artifact.name)) === undefined) missing.push(artifact.name);
  if (missing.length === 0) return;
  const staged = await store.stageAssets(
    version.tag,
    assets.filter((asset) => missing.includes(asset.name)),
  );
  try {
    await staged.publish();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
