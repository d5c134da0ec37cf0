import type { DecidedResultBase } from "../core/result-base.js";
import type { Subject } from "../core/subject.js";
import type { ManifestChange } from "./diff-manifests.js";
import type { Manifest } from "./manifest.js";

/** How the training command ended (the first run; verification runs add checks). */
export interface CommandReport {
  argv: string[];
  exit_code: number | null;
  signal: string | null;
  /** Why the program could not start at all (not found, not executable). */
  start_error: string | null;
  /** The last lines of its output, shown when it failed. */
  last_lines: string[];
}

/** The result of train-reproducibly: the manifest of the model it produced and the checks on that run. */
export interface TrainResult extends DecidedResultBase {
  action: "train-reproducibly";
  subject: Subject;
  command: CommandReport;
  /** Null when the command failed: a failed run has no lineage to record. */
  manifest: Manifest | null;
  manifest_path: string | null;
  /** sha256 of the main output (the first output path), when it is a file or folder that was hashed. */
  model_sha256: string | null;
  cache: { key: string; hit: boolean; note: string | null } | null;
  artifact: { name: string; id: number | null; note: string | null } | null;
  verification: { runs: number; compare: "digests" | "metrics" } | null;
  /** Differences from `baseline-manifest`; null when none was given. */
  changes: ManifestChange[] | null;
  baseline_manifest: string | null;
}
