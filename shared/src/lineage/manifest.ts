/** One hashed path of a manifest: a file, or a folder hashed as a whole (contract §6). */
export interface PathDigest {
  /** Path relative to the workspace, `/`-separated. */
  path: string;
  sha256: string;
  bytes: number;
  /** Set for folders: how many files the digest covers. */
  files?: number;
}

export interface GitState {
  repository: string | null;
  sha: string | null;
  ref: string | null;
  dirty: boolean;
  /** Paths `git status --porcelain` lists, sorted; empty when clean. */
  dirty_files: string[];
}

export interface EnvironmentInfo {
  os: { platform: string; release: string };
  arch: string;
  /** The runner's image variables (RUNNER_OS, RUNNER_ARCH, ImageOS, ImageVersion) that are set. */
  runner: Record<string, string>;
  node: string;
  python: { version: string; packages: number; packages_sha256: string } | null;
  cuda: { driver: string; cuda: string | null; gpus: string[] } | null;
  container: { image: string } | null;
}

export interface SeedInfo {
  value: number;
  /** Every variable set for the command, name → value. */
  variables: Record<string, string>;
}

/** What varies between two identical runs; excluded from `lineage_sha256`. */
export interface VolatileFields {
  started_at: string;
  duration_ms: number;
}

/** The run that restored this manifest's outputs from the cache; the producing run's lineage is unchanged. */
export interface RestoredBy {
  git_sha: string | null;
  restored_at: string;
  run_url: string | null;
}

/** The lineage manifest `modelgate.manifest/v1`. */
export interface Manifest {
  schema: "modelgate.manifest/v1";
  git: GitState;
  command: { argv: string[]; working_directory: string };
  seed: SeedInfo;
  environment: EnvironmentInfo;
  lockfiles: PathDigest[];
  params: PathDigest[];
  inputs: PathDigest[];
  outputs: PathDigest[];
  metrics: { file: string; sha256: string; values: Record<string, number | string | boolean | null> } | null;
  lineage_sha256: string;
  volatile: VolatileFields;
  restored_by?: RestoredBy;
}

export const MANIFEST_SCHEMA = "modelgate.manifest/v1";
/** Top-level fields left out of `lineage_sha256`: durations, timestamps and the restoring run. */
export const VOLATILE_KEYS = ["lineage_sha256", "volatile", "restored_by"] as const;
