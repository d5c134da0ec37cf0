import { listModels } from "./list-models.js";
import { readModelRegistry } from "./read-model-registry.js";
import type { VersionsPerCommit } from "./register-version.js";
import type { RegistryFinding, RegistryVerification } from "./registry-finding.js";
import type { RegistryStore, StoredAssetEntry } from "./registry-store.js";
import { parseRegistryTag } from "./registry-tags.js";
import { verifyEventChain } from "./verify-event-chain.js";
import { verifyGtoCompat } from "./verify-gto-compat.js";
import { verifyStoredAssets } from "./verify-stored-assets.js";

export interface VerifyOptions {
  /** One model, or every model with tags (then artifacts of no model are checked too). */
  model?: string;
  allowForeignTags: boolean;
  versionsPerCommit: VersionsPerCommit;
  /** The clock: staged artifacts younger than `graceMinutes` belong to a promotion that may still be running. */
  now: Date;
  graceMinutes?: number;
}

/**
 * `registry verify`: each model's (every model with tags or stored artifacts) event chain, its stored artifacts against the digests in its version records,
 * foreign tags, GTO's one-version-per-commit rule and stage agreement, stale claims; and (for the whole registry)
 * stored artifacts that belong to no version and staging left by interrupted promotions.
 */
export async function verifyRegistry(store: RegistryStore, options: VerifyOptions): Promise<RegistryVerification> {
  const entries = await store.listStoredAssets();
  const modelOf = (entry: StoredAssetEntry) => parseRegistryTag(entry.versionTag)?.model;
  // Every model with tags, and every model with stored or staged artifacts (a first promotion that stopped early).
  const models =
    options.model !== undefined
      ? [options.model]
      : [...new Set([...(await listModels(store)), ...entries.flatMap((entry) => modelOf(entry) ?? [])])].sort(
          (a, b) => (a < b ? -1 : a > b ? 1 : 0),
        );
  const grace = (options.graceMinutes ?? 60) * 60_000;
  const notes: string[] = [];
  const staleStaging = (list: readonly StoredAssetEntry[], model: string | null): RegistryFinding[] => {
    const byUnit = new Map<string, StoredAssetEntry[]>();
    for (const entry of list.filter((candidate) => !candidate.published))
      byUnit.set(entry.removal, [...(byUnit.get(entry.removal) ?? []), entry]);
    const findings: RegistryFinding[] = [];
    for (const [removal, unit] of byUnit) {
      const first = unit[0]!;
      const age = options.now.getTime() - Math.min(...unit.map((entry) => Date.parse(entry.createdAt)));
      const what = `${unit.length} artifact(s) staged for ${first.versionTag || "an unknown version"} at ${first.location}`;
      if (age < grace) notes.push(`${what}: a promotion in progress (staged ${Math.round(age / 60_000)} min ago)`);
      else
        findings.push({
          kind: "asset-orphan",
          model,
          subject: first.versionTag || first.location,
          file: null,
          problem: `${what}, never published: a promotion stopped before it finished`,
          fix: removal,
        });
    }
    return findings;
  };

  const report: RegistryVerification = { models: [], unowned: [], notes, ok: true };
  for (const model of models) {
    const registry = await readModelRegistry(store, model);
    const own = entries.filter((entry) => modelOf(entry) === model);
    const findings: RegistryFinding[] = [
      ...verifyEventChain(registry).map((found): RegistryFinding => ({
        kind: "chain",
        model,
        subject: found.tag,
        file: null,
        problem: found.problem,
        fix: chainFix(found.problem),
      })),
      ...verifyGtoCompat(registry, { ...options, refRemoval: (ref) => store.refRemoval(ref) }),
      ...verifyStoredAssets(registry, own),
      ...staleStaging(own, model),
    ];
    const artifacts = registry.versions.reduce((sum, version) => sum + version.record.artifacts.length, 0);
    report.models.push({
      model,
      versions: registry.versions.length,
      events: registry.events.length,
      artifacts,
      findings,
    });
  }
  if (options.model === undefined) {
    const known = new Set(models);
    const unowned = entries.filter((entry) => !known.has(modelOf(entry) ?? "\0"));
    for (const entry of unowned.filter((candidate) => candidate.published)) {
      report.unowned.push({
        kind: "asset-orphan",
        model: null,
        subject: entry.versionTag || entry.location,
        file: entry.name,
        problem: `${entry.location} belongs to no model in the registry`,
        fix: entry.removal,
      });
    }
    report.unowned.push(...staleStaging(unowned, null));
  }
  report.ok = report.unowned.length === 0 && report.models.every((model) => model.findings.length === 0);
  return report;
}

function chainFix(problem: string): string {
  if (/claimed but the tag ref is missing/.test(problem))
    return "the next promotion or rollback of this model restores the tag ref from its claim";
  if (/deleted or rewritten|an event was deleted/.test(problem))
    return `restore the original tag from a clone that has it (git push origin <tag>), or accept the break knowingly; see "Repairing the registry" in the catalog`;
  return `see "Repairing the registry" in the catalog`;
}
