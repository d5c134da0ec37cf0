import type { EventRecord, VersionRecord } from "./registry-records.js";
import type { ModelRegistry, RegisteredVersion, StageEvent } from "./model-registry.js";
import type { RegistryStore, StoredTag } from "./registry-store.js";
import { readRegistryTag } from "./read-registry-tag.js";
import type { ReadTag } from "./read-registry-tag.js";
import { modelTagPrefix, parseRegistryTag } from "./registry-tags.js";
import { resolveForeignTags } from "./resolve-foreign-tags.js";
import { compareSemVer, parseSemVer } from "./semver.js";

/** Reads all tags of `model` and sorts them into versions, events and problems; never trusts a malformed record. */
export async function readModelRegistry(store: RegistryStore, model: string): Promise<ModelRegistry> {
  const [refTags, claimList, commitClaims] = await Promise.all([
    store.listTags(modelTagPrefix(model)),
    store.listClaims(model),
    store.listCommitClaims(model),
  ]);
  const claims = claimList.map((claim) => claim.counter);
  // A claim holds its complete event tag object: an event whose tag ref is not written yet still links the chain.
  const refNames = new Set(refTags.map((tag) => tag.name));
  const claimOnly = claimList
    .map((claim) => claim.tag)
    .filter((tag) => !refNames.has(tag.name) && parseRegistryTag(tag.name)?.model === model);
  const read: ReadTag[] = [];
  for (const tag of [...refTags, ...claimOnly]) {
    const parsed = parseRegistryTag(tag.name);
    if (!parsed || parsed.model !== model) continue;
    const fact = readRegistryTag(tag, parsed);
    if (fact) read.push(fact);
  }
  const versions = read.flatMap((fact) =>
    fact.kind === "version" ? [toVersion(fact.tag, fact.version, fact.record)] : [],
  );
  const ours = read.flatMap((fact) =>
    fact.kind === "event" ? [toEvent(fact.tag, fact.stage, fact.counter, fact.cancel, fact.record)] : [],
  );
  const problems = read.flatMap((fact) =>
    fact.kind === "problem" ? [{ tag: fact.tag.name, problem: fact.problem }] : [],
  );
  const foreign = resolveForeignTags(
    read.flatMap((fact) => (fact.kind === "foreign" ? [fact] : [])),
    versions,
  );
  problems.push(...foreign.problems);
  const bySemVer = (a: { version: string }, b: { version: string }) =>
    compareSemVer(parseSemVer(a.version)!, parseSemVer(b.version)!);
  const events = [...ours, ...foreign.events].sort(byTimeThenCounter);
  const allTags: StoredTag[] = [
    ...refTags,
    ...claimOnly,
    ...claimList.map((claim) => claim.tag),
    ...commitClaims.map((claim) => claim.tag),
  ];
  const claimOnlyNames = new Set(claimOnly.map((tag) => tag.name));
  return {
    model,
    versions: versions.sort(bySemVer),
    foreignVersions: foreign.versions.sort(bySemVer),
    deregistered: foreign.deregistered,
    events,
    problems: problems.sort((a, b) => byCodeUnit(a.tag, b.tag)),
    foreignTags: read.flatMap((fact) => (fact.kind === "foreign" ? [fact.tag.name] : [])).sort(byCodeUnit),
    deprecated: foreign.deprecated,
    claims: [...claims].sort((a, b) => a - b),
    missingTagRefs: events.filter((event) => claimOnlyNames.has(event.tag)),
    highestCounter: Math.max(0, ...claims, ...read.map((fact) => parseRegistryTag(fact.tag.name)?.counter ?? 0)),
    commitClaims,
    lastTaggerTime: Math.max(0, ...allTags.map((tag) => tag.taggerTime ?? 0)),
  };
}

function toVersion(tag: StoredTag, version: string, record: VersionRecord): RegisteredVersion {
  return {
    tag: tag.name,
    version,
    commitSha: tag.commitSha,
    objectSha: tag.objectSha,
    taggerTime: tag.taggerTime ?? 0,
    record,
  };
}

function toEvent(tag: StoredTag, stage: string, counter: number, cancel: boolean, record: EventRecord): StageEvent {
  return {
    tag: tag.name,
    stage,
    counter,
    cancel,
    commitSha: tag.commitSha,
    objectSha: tag.objectSha,
    taggerTime: tag.taggerTime ?? 0,
    foreign: false,
    record,
  };
}

/** GTO orders events by tagger time; modelgate's own times strictly increase, and ties (GTO's, or clock skew) break by N. */
export function byTimeThenCounter(a: StageEvent, b: StageEvent): number {
  return a.taggerTime - b.taggerTime || a.counter - b.counter || byCodeUnit(a.tag, b.tag);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
