import type { EventRecord, VersionRecord } from "./registry-records.js";
import type { CommitClaim } from "./registry-store.js";

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
