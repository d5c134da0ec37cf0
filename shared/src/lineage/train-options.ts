import type { Verdict } from "../core/verdict.js";
import type { GlobPattern } from "./glob-pattern.js";

/** What a training run needs, parsed from the action's inputs or the CLI's flags (plain values only). */
export interface TrainOptions {
  key: string;
  /** The program and its arguments; the action's is bash running the workflow's `run`. */
  argv: string[];
  /** Absolute; the command runs here and patterns resolve against it. */
  workingDirectory: string;
  /** Absolute; nothing outside it is hashed, and manifest paths are relative to it. */
  workspace: string;
  seed: number;
  inputs: GlobPattern[];
  outputs: GlobPattern[];
  params: GlobPattern[];
  /** A metrics file the command writes, relative to the working directory. */
  metrics: string | undefined;
  allowEmpty: boolean;
  /** Where the manifest is written, relative to the working directory. */
  manifestPath: string;
  verifyRuns: number | undefined;
  verifyCompare: "digests" | "metrics";
  verifyTolerance: number;
  onUnrepeatable: Verdict;
  cache: boolean;
  artifactName: string | undefined;
  /** A manifest of an earlier run to compare lineage with (already read). */
  baselineManifest: { name: string; text: string } | undefined;
  /** The run's URL, noted in a manifest restored from the cache. */
  runUrl: string | null;
}
