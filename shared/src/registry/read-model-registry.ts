import type { EventRecord, VersionRecord } from "./registry-records.js";
import type { CommitClaim, RegistryStore, StoredTag } from "./registry-store.js";
import { readRegistryTag } from "./read-registry-tag.js";
import type { ReadTag } from "./read-registry-tag.js";
import { modelTagPrefix, parseRegistryTag } from "./registry-tags.js";
import { resolveForeignTags } from "./resolve-foreign-tags.js";
import { compareSemVer, parseSemVer } from "./semver.js";

/** A version tag with its trusted record. */
export interface RegisteredVersion {
  tag: string;
  version: string;
  commitSha: string;
  objectSha: string;
  taggerTime: number;
  record: VersionRecord;
}

/** A version tag written outside modelgate (GTO's `gto register`): a version with no record, artifacts or gates. */
export interface ForeignVersion {
  tag: string;
  version: string;
  commitSha: string;
  objectSha: string;
  taggerTime: number;
  tagger: string;
  message: string;
}

/** An event's record; a foreign assignment reads as `assign` (modelgate's own records never say so). */
export type StageEventRecord = Omit<EventRecord, "event"> & { event: EventRecord["event"] | "assign" };

/** A stage event tag with its record (for a foreign tag, what GTO reads from it). */
export interface StageEvent {
  tag: string;
  stage: string;
  /** The counter N of the tag; 0 for a GTO tag written without one (`--simple`). */
  counter: number;
  /** true for an unassignment `<model>#<stage>!#<N>`. */
  cancel: boolean;
  commitSha: string;
  objectSha: string;
  taggerTime: number;
  /** Written outside modelgate (GTO, by hand): no gate evidence, no chain link of its own. */
  foreign: boolean;
  record: StageEventRecord;
}

/** A tag of the model that was not trusted, and why. */
export interface RegistryProblem {
  tag: string;
  problem: string;
}

/** Everything the registry holds for one model, read once. */
export interface ModelRegistry {
  model: string;
  /** modelgate's versions, sorted by SemVer precedence, lowest first. */
  versions: RegisteredVersion[];
  /** Version tags written outside modelgate, sorted by SemVer precedence. */
  foreignVersions: ForeignVersion[];
  /** Versions GTO reads as inactive: their latest registration event is a deregistration `<model>@v<semver>!`. */
  deregistered: string[];
  /** Stage events, ours and foreign, in GTO's order: by tagger time, ties by counter N. */
  events: StageEvent[];
  /** Tags that are not trusted (malformed record, record naming another version, lightweight tag). */
  problems: RegistryProblem[];
  /** Every tag of the model written outside modelgate (foreign versions, events, deregistrations, deprecations). */
  foreignTags: string[];
  /** true when GTO's `<model>@deprecated` is the model's latest artifact event. */
  deprecated: boolean;
  /** Event counters claimed so far, sorted (each event claims its counter before its tag is written). */
  claims: number[];
  /** Events read from their claim because their tag ref is missing (being written, interrupted, or deleted). */
  missingTagRefs: StageEvent[];
  /** The highest counter claimed or used so far (0 when none). */
  highestCounter: number;
  /** Commits claimed by a version (`versions-per-commit: one`), each with the version tag object that claimed it. */
  commitClaims: CommitClaim[];
  /** The latest tagger time among the model's tags and claims (0 when none): new tags are written after it. */
  lastTaggerTime: number;
}

/** Reads all tags of `model` and sorts them into versions, events and problems; never trusts a malformed record. */
export async function readModelRegistry(store: RegistryStore, model: string): Promise<ModelRegistry> {
  const [refTags, claimList, commitClaims] = await Promise.all([store.listTags(modelTagPrefix(model)), store.listClaims(model), store.listCommitClaims(model)]);
  const claims = claimList.map((claim) => claim.counter);
  // A claim holds its complete event tag object: an event whose tag ref is not written yet still links the chain.
  const refNames = new Set(refTags.map((tag) => tag.name));
  const claimOnly = claimList.map((claim) => claim.tag).filter((tag) => !refNames.has(tag.name) && parseRegistryTag(tag.name)?.model === model);
  const read: ReadTag[] = [];
  for (const tag of [...refTags, ...claimOnly]) {
    const parsed = parseRegistryTag(tag.name);
    if (!parsed || parsed.model !== model) continue;
    const fact = readRegistryTag(tag, parsed);
    if (fact) read.push(fact);
  }
  const versions = read.flatMap((fact) => (fact.kind === "version" ? [toVersion(fact.tag, fact.version, fact.record)] : []));
  const ours = read.flatMap((fact) => (fact.kind === "event" ? [toEvent(fact.tag, fact.stage, fact.counter, fact.cancel, fact.record)] : []));
  const problems = read.flatMap((fact) => (fact.kind === "problem" ? [{ tag: fact.tag.name, problem: fact.problem }] : []));
  const foreign = resolveForeignTags(read.flatMap((fact) => (fact.kind === "foreign" ? [fact] : [])), versions);
  problems.push(...foreign.problems);
  const bySemVer = (a: { version: string }, b: { version: string }) => compareSemVer(parseSemVer(a.version)!, parseSemVer(b.version)!);
  const events = [...ours, ...foreign.events].sort(byTimeThenCounter);
  const allTags: StoredTag[] = [...refTags, ...claimOnly, ...claimList.map((claim) => claim.tag), ...commitClaims.map((claim) => claim.tag)];
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
  return { tag: tag.name, version, commitSha: tag.commitSha, objectSha: tag.objectSha, taggerTime: tag.taggerTime ?? 0, record };
}

function toEvent(tag: StoredTag, stage: string, counter: number, cancel: boolean, record: EventRecord): StageEvent {
  return { tag: tag.name, stage, counter, cancel, commitSha: tag.commitSha, objectSha: tag.objectSha, taggerTime: tag.taggerTime ?? 0, foreign: false, record };
}

/** GTO orders events by tagger time; modelgate's own times strictly increase, and ties (GTO's, or clock skew) break by N. */
export function byTimeThenCounter(a: StageEvent, b: StageEvent): number {
  return a.taggerTime - b.taggerTime || a.counter - b.counter || byCodeUnit(a.tag, b.tag);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
