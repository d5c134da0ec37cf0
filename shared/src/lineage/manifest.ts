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
  /** Whether `dirty_files` is non-empty. */
  dirty: boolean;
  /** What `git status` lists before the command runs, except the run's own outputs, metrics and manifest. */
  dirty_files: DirtyFile[];
}

/** A file that differs from HEAD: its path from the repository root (as git prints it) and its content digest. */
export interface DirtyFile {
  path: string;
  /** sha256 of the working-tree content (of the link text for a symbolic link); null when the file was deleted. */
  sha256: string | null;
}

/** The Node.js the command runs (`node --version` of the program it names). */
export interface NodeInfo {
  /** Absolute, found as the command finds it; symbolic links are not resolved. */
  path: string;
  version: string | null;
}

/** The Python the command runs, queried with the command's own environment. */
export interface PythonInfo {
  /** Absolute, found as the command finds it; symbolic links are not resolved (a venv's python stays the venv's). */
  path: string;
  /** `sys.executable` as the interpreter reports it; null (like the fields below) when it could not be queried. */
  executable: string | null;
  version: string | null;
  packages: number | null;
  packages_sha256: string | null;
}

export interface EnvironmentInfo {
  os: { platform: string; release: string };
  arch: string;
  /** The runner's image variables (RUNNER_OS, RUNNER_ARCH, ImageOS, ImageVersion) that are set. */
  runner: Record<string, string>;
  /** "unknown" unless the command is a Node.js one (see `findInterpreter`). */
  node: NodeInfo | "unknown";
  /** "unknown" unless the command is a Python one (see `findInterpreter`). */
  python: PythonInfo | "unknown";
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
