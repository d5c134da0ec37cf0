import type { ModelRegistry } from "./model-registry.js";
import type { RegistryFinding } from "./registry-finding.js";
import type { StoredAssetEntry } from "./registry-store.js";

const REPAIR = `see "Repairing the registry" in the catalog`;

/**
 * Holds a model's stored artifacts against its version records: every recorded artifact must be stored under its
 * version with the recorded sha256 and size; a file under a version that its record does not name, or stored under
 * a version tag modelgate did not write, is reported too.
 */
export function verifyStoredAssets(registry: ModelRegistry, entries: readonly StoredAssetEntry[]): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const model = registry.model;
  const published = entries.filter((entry) => entry.published);
  for (const version of registry.versions) {
    const stored = published.filter((entry) => entry.versionTag === version.tag);
    for (const artifact of version.record.artifacts) {
      const found = stored.find((entry) => entry.name === artifact.name);
      if (!found) {
        findings.push({
          kind: "asset-missing",
          model,
          subject: version.tag,
          file: artifact.name,
          problem: `the version record names ${artifact.name} (sha256 ${artifact.sha256}, ${artifact.bytes} bytes), but the store has no such artifact under ${version.tag}`,
          fix: `re-run the same promotion (same commit and files: it publishes what is missing), or restore the file with exactly that sha256; ${REPAIR}`,
        });
      } else if (found.sha256 !== artifact.sha256 || found.bytes !== artifact.bytes) {
        findings.push({
          kind: "asset-changed",
          model,
          subject: version.tag,
          file: artifact.name,
          problem: `stored ${artifact.name} (${found.location}) has sha256 ${found.sha256} (${found.bytes} bytes), but the version record says ${artifact.sha256} (${artifact.bytes} bytes): it is not the artifact that was promoted. Do not deploy it`,
          fix: `restore the build whose sha256 is ${artifact.sha256}, or move stages off ${version.version} (rollback); ${REPAIR}`,
        });
      }
    }
    const named = new Set(version.record.artifacts.map((artifact) => artifact.name));
    for (const entry of stored.filter((candidate) => !named.has(candidate.name))) {
      findings.push({
        kind: "asset-unrecorded",
        model,
        subject: version.tag,
        file: entry.name,
        problem: `${entry.location} is stored under ${version.tag}, but its record does not name it`,
        fix: entry.removal,
      });
    }
  }
  const ours = new Set(registry.versions.map((version) => version.tag));
  for (const entry of published.filter((candidate) => !ours.has(candidate.versionTag))) {
    const foreign = registry.foreignVersions.some((version) => version.tag === entry.versionTag);
    findings.push({
      kind: "asset-orphan",
      model,
      subject: entry.versionTag,
      file: entry.name,
      problem: foreign
        ? `${entry.location} is stored under ${entry.versionTag}, a version written outside modelgate whose tag records no digest to check it against`
        : `${entry.location} is stored under ${entry.versionTag}, but no trusted version tag ${entry.versionTag} exists (a deleted version, or a promotion that lost its race under an older modelgate, which wrote its artifacts before the tag)`,
      fix: entry.removal,
    });
  }
  return findings;
}
