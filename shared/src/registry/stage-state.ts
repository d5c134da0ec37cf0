import type { ModelRegistry, StageEvent } from "./model-registry.js";
import { compareSemVer, parseSemVer } from "./semver.js";

/**
 * The assignment that holds `stage` (contract §5), as GTO's time order reads it (gto/base.py `get_vstages` with
 * VersionSort.Timestamp): the latest assignment whose version was not unassigned from the stage after it and is
 * not deregistered. Events are in tagger-time order, ties by counter N. Undefined when the stage is empty.
 */
export function currentAssignment(registry: ModelRegistry, stage: string): StageEvent | undefined {
  return activeInStage(registry, stage).at(-1);
}

/**
 * Every version GTO reads as active in `stage` (gto/base.py `VStage.is_active`: the version's latest event in the
 * stage is an assignment; `Version.is_active`: not deregistered), as its latest assignment, oldest first.
 */
export function activeInStage(registry: ModelRegistry, stage: string): StageEvent[] {
  const inactive = new Set(registry.deregistered);
  const latest = new Map<string, StageEvent>();
  for (const event of registry.events) if (event.stage === stage) latest.set(event.record.version, event);
  return [...latest.values()]
    .filter((event) => !event.cancel && !inactive.has(event.record.version))
    .sort((a, b) => registry.events.indexOf(a) - registry.events.indexOf(b));
}

/**
 * The version GTO's `gto which` names for `stage` (gto/base.py `get_vstages` with its default VersionSort.SemVer and
 * one version per stage): the highest active version by SemVer precedence. modelgate keeps it equal to
 * `currentAssignment` by unassigning higher versions before it assigns a lower one.
 */
export function semverHolder(registry: ModelRegistry, stage: string): StageEvent | undefined {
  const active = activeInStage(registry, stage);
  const semver = active.filter((event) => parseSemVer(event.record.version) !== undefined);
  if (semver.length === 0) return active.sort((a, b) => (a.record.version < b.record.version ? 1 : -1))[0];
  return semver.sort((a, b) => compareSemVer(parseSemVer(b.record.version)!, parseSemVer(a.record.version)!))[0];
}

/** Active versions of `stage` above `version` by SemVer precedence: GTO's `which` would name one of them. */
export function higherActiveVersions(registry: ModelRegistry, stage: string, version: string): StageEvent[] {
  const target = parseSemVer(version)!;
  return activeInStage(registry, stage).filter((event) => {
    const other = parseSemVer(event.record.version);
    return other !== undefined && event.record.version !== version && compareSemVer(other, target) > 0;
  });
}

/**
 * The default rollback target: the version assigned before the current one, skipping the current version, versions
 * that were themselves unassigned from the stage (rolled back) or deregistered, and assignments written outside
 * modelgate or of versions without a modelgate record (no gate evidence, no artifacts to verify).
 */
export function previousGoodAssignment(
  registry: ModelRegistry,
  stage: string,
  current: StageEvent,
): StageEvent | undefined {
  const inStage = registry.events.filter((event) => event.stage === stage);
  const unassigned = new Set(inStage.filter((event) => event.cancel).map((event) => event.record.version));
  const skip = new Set([...registry.deregistered, current.record.version]);
  const recorded = new Set(registry.versions.map((version) => version.version));
  const before = inStage.slice(0, inStage.indexOf(current));
  for (let i = before.length - 1; i >= 0; i--) {
    const event = before[i]!;
    if (
      event.cancel ||
      event.foreign ||
      skip.has(event.record.version) ||
      unassigned.has(event.record.version) ||
      !recorded.has(event.record.version)
    )
      continue;
    return event;
  }
  return undefined;
}

/** Every stage that has events, sorted. */
export function stagesOf(registry: ModelRegistry): string[] {
  return [...new Set(registry.events.map((event) => event.stage))].sort();
}
