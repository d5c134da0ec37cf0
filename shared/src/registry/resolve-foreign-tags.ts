import type { ForeignVersion, RegisteredVersion, RegistryProblem, StageEvent } from "./model-registry.js";
import type { ReadTag } from "./read-registry-tag.js";

type ForeignFact = Extract<ReadTag, { kind: "foreign" }>;

/** What foreign (GTO-written) tags add to a model's registry. */
export interface ForeignState {
  versions: ForeignVersion[];
  deregistered: string[];
  events: StageEvent[];
  problems: RegistryProblem[];
  deprecated: boolean;
}

/**
 * Reads foreign tags as GTO 1.10 does (gto/tag.py `index_tag`, gto/base.py): a registration or deregistration
 * names its version; a version is inactive when its latest registration event (by tagger time) is a
 * deregistration; a stage event belongs to the version registered on the tag's commit — none makes GTO name the
 * version after the commit, several make GTO raise ManyVersions, which is reported here as a problem.
 */
export function resolveForeignTags(facts: readonly ForeignFact[], ours: readonly RegisteredVersion[]): ForeignState {
  const versions: ForeignVersion[] = [];
  const direct: { version: string; commitSha: string; time: number; deregister: boolean }[] = ours.map((v) => ({
    version: v.version,
    commitSha: v.commitSha,
    time: v.taggerTime,
    deregister: false,
  }));
  let deprecation = { time: -1, deprecated: false };
  for (const { tag, name, taggerTime } of facts) {
    if (name.kind === "version") {
      direct.push({ version: name.version, commitSha: tag.commitSha, time: taggerTime, deregister: name.cancel });
      if (!name.cancel)
        versions.push({
          tag: tag.name,
          version: name.version,
          commitSha: tag.commitSha,
          objectSha: tag.objectSha,
          taggerTime,
          tagger: tag.tagger,
          message: tag.message.trim(),
        });
    } else if (name.kind === "artifact" && taggerTime >= deprecation.time) {
      deprecation = { time: taggerTime, deprecated: name.event === "deprecated" };
    }
  }
  const latest = new Map<string, { time: number; deregister: boolean }>();
  for (const event of direct) {
    const seen = latest.get(event.version);
    if (!seen || event.time > seen.time || (event.time === seen.time && event.deregister))
      latest.set(event.version, event);
  }
  const deregistered = [...latest]
    .filter(([, event]) => event.deregister)
    .map(([version]) => version)
    .sort();

  const events: StageEvent[] = [];
  const problems: RegistryProblem[] = [];
  for (const { tag, name, taggerTime } of facts) {
    if (name.kind !== "stage") continue;
    const atCommit = [
      ...new Set(direct.filter((event) => event.commitSha === tag.commitSha).map((event) => event.version)),
    ].sort();
    if (atCommit.length > 1) {
      problems.push({
        tag: tag.name,
        problem: `its commit ${tag.commitSha} carries versions ${atCommit.join(", ")}, so GTO cannot tell which one it assigns (ManyVersions)`,
      });
      continue;
    }
    const version = atCommit[0] ?? tag.commitSha;
    const message = tag.message.trim();
    events.push({
      tag: tag.name,
      stage: name.stage,
      counter: name.counter ?? 0,
      cancel: name.cancel,
      commitSha: tag.commitSha,
      objectSha: tag.objectSha,
      taggerTime,
      foreign: true,
      record: {
        event: name.cancel ? "unassign" : "assign",
        version,
        previous_version: null,
        reason: message === "" ? null : message,
        actor: tag.tagger,
        run_url: null,
        created_at: new Date(taggerTime * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        previous_event_sha: null,
      },
    });
  }
  return { versions, deregistered, events, problems, deprecated: deprecation.deprecated };
}
