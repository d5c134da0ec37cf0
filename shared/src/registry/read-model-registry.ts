import { EventRecordSchema, parseRecord, VersionRecordSchema } from "./registry-records.js";
import type { EventRecord, VersionRecord } from "./registry-records.js";
import type { RegistryStore, StoredTag } from "./registry-store.js";
import { parseRegistryTag } from "./registry-tags.js";
import { compareSemVer, parseSemVer } from "./semver.js";

/** A version tag with its trusted record. */
export interface RegisteredVersion {
  tag: string;
  version: string;
  commitSha: string;
  objectSha: string;
  record: VersionRecord;
}

/** A stage event tag with its trusted record. */
export interface StageEvent {
  tag: string;
  stage: string;
  counter: number;
  /** true for an unassignment `<model>#<stage>!#<N>`. */
  cancel: boolean;
  commitSha: string;
  objectSha: string;
  record: EventRecord;
}

/** A tag of the model that was not trusted, and why. */
export interface RegistryProblem {
  tag: string;
  problem: string;
}

/** Everything the registry holds for one model, read once. */
export interface ModelRegistry {
  model: string;
  /** Sorted by SemVer precedence, lowest first. */
  versions: RegisteredVersion[];
  /** Sorted by counter N, lowest first. */
  events: StageEvent[];
  /** Tags that are not trusted (malformed record, record naming another version, no counter, lightweight tag). */
  problems: RegistryProblem[];
  /** Event counters claimed so far, sorted (each event claims its counter before its tag is written). */
  claims: number[];
  /** Events read from their claim because their tag ref is missing (being written, interrupted, or deleted). */
  missingTagRefs: StageEvent[];
  /** The highest counter claimed or used so far (0 when none). */
  highestCounter: number;
}

/** Reads all tags of `model` and sorts them into versions, events and problems; never trusts a malformed record. */
export async function readModelRegistry(store: RegistryStore, model: string): Promise<ModelRegistry> {
  const [refTags, claimList] = await Promise.all([store.listTags(model), store.listClaims(model)]);
  const claims = claimList.map((claim) => claim.counter);
  // A claim holds its complete event tag object: an event whose tag ref is not written yet still links the chain.
  const refNames = new Set(refTags.map((tag) => tag.name));
  const claimOnly = claimList.map((claim) => claim.tag).filter((tag) => !refNames.has(tag.name) && tag.name.startsWith(model));
  const tags = [...refTags, ...claimOnly];
  const versions: RegisteredVersion[] = [];
  const events: StageEvent[] = [];
  const problems: RegistryProblem[] = [];
  for (const tag of tags) {
    const parsed = parseRegistryTag(tag.name);
    if (!parsed || parsed.model !== model) continue;
    if (tag.objectSha === tag.commitSha) {
      problems.push({ tag: tag.name, problem: "it is a lightweight tag and carries no record" });
      continue;
    }
    if (parsed.kind === "version" && !parsed.cancel) {
      const version = readVersion(tag, parsed.version, problems);
      if (version) versions.push(version);
    } else if (parsed.kind === "stage") {
      if (parsed.counter === undefined) {
        problems.push({ tag: tag.name, problem: "it has no event counter #N (GTO --simple tags are not read)" });
        continue;
      }
      const event = readEvent(tag, { stage: parsed.stage, counter: parsed.counter, cancel: parsed.cancel }, problems);
      if (event) events.push(event);
    }
  }
  versions.sort((a, b) => compareSemVer(parseSemVer(a.version)!, parseSemVer(b.version)!));
  events.sort((a, b) => a.counter - b.counter || byCodeUnit(a.tag, b.tag));
  problems.sort((a, b) => byCodeUnit(a.tag, b.tag));
  const highestCounter = Math.max(0, ...claims, ...events.map((event) => event.counter), ...tags.map((tag) => parseRegistryTag(tag.name)?.counter ?? 0));
  const claimOnlyNames = new Set(claimOnly.map((tag) => tag.name));
  const missingTagRefs = events.filter((event) => claimOnlyNames.has(event.tag));
  return { model, versions, events, problems, claims: [...claims].sort((a, b) => a - b), missingTagRefs, highestCounter };
}

function readVersion(tag: StoredTag, version: string, problems: RegistryProblem[]): RegisteredVersion | undefined {
  const parsed = parseRecord(VersionRecordSchema, tag.message);
  if (!parsed.ok) {
    problems.push({ tag: tag.name, problem: parsed.problem });
    return undefined;
  }
  if (parsed.record.version !== version) {
    problems.push({ tag: tag.name, problem: `its record names version ${parsed.record.version}, not ${version}` });
    return undefined;
  }
  return { tag: tag.name, version, commitSha: tag.commitSha, objectSha: tag.objectSha, record: parsed.record };
}

function readEvent(tag: StoredTag, where: { stage: string; counter: number; cancel: boolean }, problems: RegistryProblem[]): StageEvent | undefined {
  const parsed = parseRecord(EventRecordSchema, tag.message);
  if (!parsed.ok) {
    problems.push({ tag: tag.name, problem: parsed.problem });
    return undefined;
  }
  if (where.cancel !== (parsed.record.event === "unassign")) {
    problems.push({ tag: tag.name, problem: `its record's event "${parsed.record.event}" does not match the tag's ${where.cancel ? "unassignment" : "assignment"}` });
    return undefined;
  }
  return { tag: tag.name, ...where, commitSha: tag.commitSha, objectSha: tag.objectSha, record: parsed.record };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
