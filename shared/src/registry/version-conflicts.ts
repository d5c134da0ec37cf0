import type { ForeignVersion, ModelRegistry, RegisteredVersion } from "./model-registry.js";
import { RegistryError } from "./registry-error.js";
import type { ArtifactRecord } from "./registry-records.js";
import { commitClaimRef } from "./claim-refs.js";

const BUMP_HINT = "a bump (bump: patch in the action, --bump patch on the command line)";

interface Wanted {
  commitSha: string;
  records: ArtifactRecord[];
  record: { manifest_sha256: string | null };
}

/** What makes `existing` another version than the one requested: its commit, digests or manifest. */
function difference(existing: RegisteredVersion | ForeignVersion, wanted: Wanted): string {
  if (!("record" in existing))
    return `no modelgate record (written by ${existing.tagger || "another tool"}: "${existing.message.slice(0, 80)}")`;
  if (existing.commitSha !== wanted.commitSha) return `commit ${existing.commitSha}`;
  const digests = (list: readonly ArtifactRecord[]) =>
    list
      .map((a) => `${a.name} ${a.sha256.slice(0, 12)}`)
      .sort()
      .join(", ");
  if (digests(existing.record.artifacts) !== digests(wanted.records))
    return `other artifacts (${digests(existing.record.artifacts)})`;
  return `another manifest (sha256 ${existing.record.manifest_sha256 ?? "none"})`;
}

/** The requested version existed before this promotion began, with other content. */
export function versionExists(
  registry: ModelRegistry,
  existing: RegisteredVersion | ForeignVersion,
  wanted: Wanted,
): RegistryError {
  return new RegistryError(
    `Version ${existing.version} of ${registry.model} already exists with ${difference(existing, wanted)}; a version's identity is its commit and artifact digests. Nothing was written.`,
    `Register these artifacts as a new version (another version, or ${BUMP_HINT}), or promote the existing ${existing.version} unchanged.`,
    { input: "version" },
  );
}

/** Another promotion created the requested version while this one was preparing: this one wrote nothing. */
export function lostRace(
  registry: ModelRegistry,
  winner: RegisteredVersion | ForeignVersion,
  wanted: Wanted,
): RegistryError {
  return new RegistryError(
    `Another promotion registered ${registry.model} ${winner.version} at the same time, with ${difference(winner, wanted)}: it won, and this promotion wrote nothing (no tag, no artifact, no release).`,
    `To register these artifacts, re-run with another version or ${BUMP_HINT}. If they are the same build, there is nothing to do.`,
    { input: "version" },
  );
}

/** Why `commitSha` cannot take another version (`versions-per-commit: one`), or undefined when it can. */
export function commitTaken(
  registry: ModelRegistry,
  commitSha: string,
  raced: boolean,
): { kind: "version" | "pending"; error: () => RegistryError } | undefined {
  const present = [...registry.versions, ...registry.foreignVersions].filter((v) => v.commitSha === commitSha);
  if (present.length > 0) {
    const names = present.map((v) => v.version).join(", ");
    const lead = raced
      ? `Another promotion registered ${registry.model} ${names} on commit ${commitSha} at the same time`
      : `Commit ${commitSha} already carries ${registry.model} ${names}`;
    return {
      kind: "version",
      error: () =>
        new RegistryError(
          `${lead}, and a commit carries one version of a model, as GTO requires (GTO refuses a second with VersionExistsForCommit; its show and history fail with ManyVersions). Nothing was written.`,
          `Commit what changed (the data pointer, the manifest) and promote that commit; for a release candidate, assign ${present[0]!.version} to a stage (e.g. staging) rather than registering a pre-release. Scheduled retrains on an unchanged commit can opt out with "registry: versions-per-commit: many" in modelgate.yml (GTO's show and history then fail for this model).`,
          { input: "version" },
        ),
    };
  }
  const claim = registry.commitClaims.find((candidate) => candidate.commitSha === commitSha);
  if (!claim) return undefined;
  const ref = commitClaimRef(registry.model, commitSha);
  return {
    kind: "pending",
    error: () =>
      new RegistryError(
        `Commit ${commitSha} is claimed for ${claim.tag.name} (ref ${ref}), but no version tag on this commit holds it: another promotion of this commit is running, or one stopped before it finished. Nothing was written.`,
        `Wait for the other promotion and re-run. If none is running, delete the stale claim (git update-ref -d ${ref}, or DELETE /repos/{owner}/{repo}/git/${ref} through the API; modelgate registry verify lists it) and re-run.`,
        { input: "version" },
      ),
  };
}
