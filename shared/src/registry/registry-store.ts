/** An annotated tag as the registry reads it. */
export interface StoredTag {
  /** The tag name without `refs/tags/`. */
  name: string;
  /** The sha of the annotated tag object (what `previous_event_sha` names). */
  objectSha: string;
  /** The commit the tag points at. */
  commitSha: string;
  /** The tag message: a JSON record when modelgate wrote it, plain text when GTO (or a person) did. */
  message: string;
  /** The tagger's time in Unix seconds, as GTO orders events; null for a lightweight tag. */
  taggerTime: number | null;
  /** The tagger's name (GTO shows it as the author); "" for a lightweight tag. */
  tagger: string;
}

/** A counter claim and the event tag object it holds. */
export interface EventClaim {
  counter: number;
  tag: StoredTag;
}

/** A commit claim (`versions-per-commit: one`): the version tag object that claimed the commit. */
export interface CommitClaim {
  commitSha: string;
  tag: StoredTag;
}

/** An artifact's bytes as stored beside a version, with its role when it is the predictions or the manifest. */
export interface StoredAsset {
  name: string;
  bytes: Uint8Array;
  role?: "predictions" | "manifest";
}

/** The outcome of a compare-and-swap tag creation. */
export type CreateTagOutcome = { created: true; tag: StoredTag } | { created: false };

/**
 * Artifacts prepared privately for a version that does not exist yet: nothing is visible under the version until
 * `publish`, which only the writer that created the version tag's ref (or a re-run with the same digests) calls.
 */
export interface StagedAssets {
  /** The URI each artifact will have once published (it goes into the version record before the tag exists). */
  uris: Map<string, string>;
  /**
   * Makes the staged artifacts the version's stored artifacts. Idempotent: an artifact already stored with the same
   * bytes is kept. @throws RegistryError when one is stored with other bytes (nothing is overwritten).
   */
  publish(): Promise<void>;
  /** Removes what was staged; never touches a published artifact. */
  discard(): Promise<void>;
}

/** One artifact as the store holds it, published under a version or staged (a draft release, a staging folder). */
export interface StoredAssetEntry {
  /** The version tag it is stored under (or staged for). */
  versionTag: string;
  name: string;
  /** Its sha256, computed from the stored bytes (GitHub's own asset digest when the API gives one). */
  sha256: string;
  bytes: number;
  published: boolean;
  /** Where it is: a file path, or `release <id>` on GitHub. */
  location: string;
  /** When it was staged or uploaded (ISO), to tell an interrupted promotion from one in progress. */
  createdAt: string;
  /** The command that removes it (a staged artifact: its whole staging folder or draft release). */
  removal: string;
}

/**
 * Where the registry's tags and artifacts live: a local git repository (CLI, demo) or a GitHub repository
 * through its API (actions). All registry logic is written against this interface.
 */
export interface RegistryStore {
  /** Annotated tags whose names start with `prefix`; lightweight tags are returned with `objectSha === commitSha`. */
  listTags(prefix: string): Promise<StoredTag[]>;
  /**
   * Event counters claimed for `model`, each with the tag object it claimed (a claim is taken before its event tag
   * is written, so a claim whose tag ref is missing is an event being written, interrupted, or deleted).
   */
  listClaims(model: string): Promise<EventClaim[]>;
  /** Commits claimed by a version of `model` (`refs/modelgate/<model>.commits/<sha>`), each with its version tag object. */
  listCommitClaims(model: string): Promise<CommitClaim[]>;
  /** Creates the ref `refs/tags/<tag.name>` for an existing tag object unless the ref exists; false when it does. */
  insertTagRef(tag: StoredTag): Promise<boolean>;
  /**
   * Creates the annotated tag `name` on `commitSha` with the tagger time `taggerTime` (Unix seconds) and, through the
   * API, the tagger `tagger` (the acting user; a local repository uses git's committer identity). With `claim`,
   * first claims the event counter; with `commitClaim`, first claims the commit for this version. Each ref is only
   * created when it does not exist yet: `{created: false}` when another writer won the counter, commit or name
   * (a commit claim this writer took is then released).
   */
  createTag(input: {
    name: string;
    commitSha: string;
    message: string;
    taggerTime: number;
    tagger: string;
    claim?: { model: string; counter: number };
    commitClaim?: { model: string };
  }): Promise<CreateTagOutcome>;
  /** The commit a ref (branch, tag, sha) names; undefined when it does not exist. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /** Prepares the artifacts of the version tag `versionTag` privately (see StagedAssets). */
  stageAssets(versionTag: string, assets: StoredAsset[]): Promise<StagedAssets>;
  /** Reads an artifact published under `versionTag`; undefined when it is missing. Staged artifacts are never read. */
  readAsset(versionTag: string, name: string): Promise<Uint8Array | undefined>;
  /** Every artifact the store holds, published or staged, for `registry verify`. */
  listStoredAssets(): Promise<StoredAssetEntry[]>;
  /** The command that deletes `ref` (a tag or claim ref, `refs/…`) from this store, for repair instructions. */
  refRemoval(ref: string): string;
}
