/** What `registry verify` can find. */
export type FindingKind =
  | "chain" // an event deleted, rewritten or re-pointed; an untrusted record; an interrupted event
  | "foreign-tag" // a tag written outside modelgate (GTO, by hand): no gate evidence
  | "many-versions" // a commit with several versions: GTO's show and history fail (ManyVersions)
  | "gto-disagrees" // GTO's `which` (SemVer order) and its `show` (time order) name different holders
  | "stale-claim" // a commit claim no version holds: an interrupted promotion
  | "asset-missing" // a version's artifact is not in the store
  | "asset-changed" // a stored artifact's bytes differ from the digest in its record
  | "asset-unrecorded" // a file under a version that its record does not name
  | "asset-orphan"; // stored artifacts under no version tag, or a staging leftover of an interrupted promotion

/** One finding: the version or tag, the file when there is one, what is wrong and the command or step that fixes it. */
export interface RegistryFinding {
  kind: FindingKind;
  /** The model, or null for an artifact that belongs to no model. */
  model: string | null;
  /** The tag, version tag, ref or stage the finding is about. */
  subject: string;
  file: string | null;
  problem: string;
  fix: string;
}

/** The outcome of `registry verify`: findings (any one fails it), and notes that do not (promotions in progress). */
export interface RegistryVerification {
  models: { model: string; versions: number; events: number; artifacts: number; findings: RegistryFinding[] }[];
  /** Stored artifacts of no model the registry knows. */
  unowned: RegistryFinding[];
  notes: string[];
  ok: boolean;
}
