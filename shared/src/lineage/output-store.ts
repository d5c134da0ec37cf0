/**
 * The runner's cache service as train-reproducibly uses it (implemented with @actions/cache in actions,
 * absent in the CLI). Paths are absolute.
 */
export interface OutputCache {
  /** Restores the paths saved under `key`; true on an exact hit. */
  restore(paths: string[], key: string): Promise<boolean>;
  save(paths: string[], key: string): Promise<void>;
}

/** The runner's artifact service (@actions/artifact in actions). */
export interface ArtifactStore {
  /** Uploads files (absolute) as one artifact, paths kept relative to `root`; returns its id. */
  upload(name: string, files: string[], root: string): Promise<number | null>;
  /** Throws before any training when no upload can succeed here (GitHub Enterprise Server), so no run is wasted. */
  assertUsable?(name: string): void;
}

/** A warning the run should show; the services' failures are warnings, never a change of verdict. */
export type Warn = (message: string) => void;
