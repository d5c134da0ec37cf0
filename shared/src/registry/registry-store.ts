/** An annotated tag as the registry reads it. */
export interface StoredTag {
  /** The tag name without `refs/tags/`. */
  name: string;
  /** The sha of the annotated tag object (what `previous_event_sha` names). */
  objectSha: string;
  /** The commit the tag points at. */
  commitSha: string;
  /** The tag message: a JSON record. */
  message: string;
}

/** A counter claim and the event tag object it holds. */
export interface EventClaim {
  counter: number;
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
  /** Creates the ref `refs/tags/<tag.name>` for an existing tag object unless the ref exists; false when it does. */
  insertTagRef(tag: StoredTag): Promise<boolean>;
  /**
   * Claims counter `counter` for `model` and creates the annotated tag `name` on `commitSha`, each only when it
   * does not exist yet: `{created: false}` when another writer won the counter or the name.
   */
  createTag(input: { name: string; commitSha: string; message: string; claim?: { model: string; counter: number } }): Promise<CreateTagOutcome>;
  /** The commit a ref (branch, tag, sha) names; undefined when it does not exist. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /** Stores the artifacts of version tag `versionTag`; returns each one's URI. Re-storing identical bytes is a no-op. */
  putAssets(versionTag: string, assets: StoredAsset[]): Promise<Map<string, string>>;
  /** Reads an artifact stored beside `versionTag`; undefined when it is missing. */
  readAsset(versionTag: string, name: string): Promise<Uint8Array | undefined>;
}
