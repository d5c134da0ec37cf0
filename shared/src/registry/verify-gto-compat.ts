import { commitClaimRef } from "./claim-refs.js";
import type { ModelRegistry } from "./model-registry.js";
import type { VersionsPerCommit } from "./register-version.js";
import type { RegistryFinding } from "./registry-finding.js";
import { currentAssignment, semverHolder, stagesOf } from "./stage-state.js";

/**
 * What keeps GTO and modelgate reading the same registry: foreign tags (unless the policy allows them), commits
 * with several versions (unless the policy says `versions-per-commit: many`), stages whose holder GTO names
 * differently in SemVer and in time order, and commit claims no version holds.
 */
export function verifyGtoCompat(
  registry: ModelRegistry,
  options: { allowForeignTags: boolean; versionsPerCommit: VersionsPerCommit; refRemoval: (ref: string) => string },
): RegistryFinding[] {
  const model = registry.model;
  const findings: RegistryFinding[] = [];
  if (!options.allowForeignTags) {
    for (const tag of registry.foreignTags) {
      findings.push({
        kind: "foreign-tag",
        model,
        subject: tag,
        file: null,
        problem: `${tag} was written outside modelgate (GTO or git tag -a: a plain-text message): it is read as GTO reads it, with no gate evidence`,
        fix: `if it is legitimate, set "registry: allow-foreign-tags: true" in modelgate.yml; if not, delete it (${options.refRemoval(`refs/tags/${tag}`)})`,
      });
    }
  }
  const byCommit = new Map<string, string[]>();
  for (const version of [...registry.versions, ...registry.foreignVersions])
    byCommit.set(version.commitSha, [...(byCommit.get(version.commitSha) ?? []), version.version]);
  if (options.versionsPerCommit === "one") {
    for (const [commit, versions] of byCommit) {
      if (versions.length < 2) continue;
      findings.push({
        kind: "many-versions",
        model,
        subject: commit,
        file: null,
        problem: `commit ${commit} carries versions ${versions.join(", ")}: GTO's show and history fail for ${model} (ManyVersions)`,
        fix: `if several versions per commit are intended (scheduled retrains), set "registry: versions-per-commit: many" in modelgate.yml; GTO cannot read this model either way`,
      });
    }
  }
  for (const stage of stagesOf(registry)) {
    const byTime = currentAssignment(registry, stage)?.record.version;
    const bySemVer = semverHolder(registry, stage)?.record.version;
    if (byTime === bySemVer) continue;
    findings.push({
      kind: "gto-disagrees",
      model,
      subject: `${model}#${stage}`,
      file: null,
      problem: `stage ${stage} holds ${byTime ?? "nothing"} by time (gto show, modelgate), but ${bySemVer ?? "nothing"} by SemVer (gto which): ${bySemVer} was never unassigned`,
      fix: `promote ${byTime} again (modelgate now unassigns higher versions first), or unassign ${bySemVer} from ${stage}`,
    });
  }
  const versionsOn = (commit: string) => byCommit.get(commit) ?? [];
  for (const claim of registry.commitClaims) {
    const claimed = claim.tag.name.replace(/^.*@/, "");
    if (versionsOn(claim.commitSha).includes(claimed)) continue;
    const ref = commitClaimRef(model, claim.commitSha);
    findings.push({
      kind: "stale-claim",
      model,
      subject: ref,
      file: null,
      problem: `${ref} claims commit ${claim.commitSha} for ${claim.tag.name}, which is not a version on that commit: a promotion stopped before it finished (or is running now); it blocks new versions of that commit`,
      fix: options.refRemoval(ref),
    });
  }
  return findings;
}
