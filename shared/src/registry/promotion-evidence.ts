import type { PublishedResult } from "../publish/published-result-schema.js";
import type { StageRules } from "./stage-rules.js";

/** A required check as found on the judged commit: a job's check run of the expected workflow. */
export interface RequiredCheckOutcome {
  name: string;
  /** The workflow file whose job it must be. */
  workflow?: string;
  ok: boolean;
  /** Not verified, and explicitly let through by --allow-ungated: a warning, never a pass. */
  waived?: boolean;
  conclusion: string | null;
  message: string;
  url: string | null;
}

/** A gate's result JSON handed to promote, with the file it came from. */
export interface GateEvidence {
  file: string;
  result: PublishedResult;
}

/** The lineage manifest promoted beside the artifacts, reduced to what the evidence checks read. */
export interface ManifestEvidence {
  file: string;
  sha256: string;
  lineage_sha256: string;
  /** The manifest's outputs: files (no `files` count) can be compared with artifacts by name. */
  outputs: ReadonlyArray<{ path: string; sha256: string; files?: number }>;
  /** The manifest's inputs (training data): a gate that judged them, e.g. validate-data, binds through them. */
  inputs?: ReadonlyArray<{ path: string; sha256: string }>;
}

export interface PromotionEvidence {
  requiredChecks: readonly RequiredCheckOutcome[];
  results: readonly GateEvidence[];
  artifacts: ReadonlyArray<{ name: string; sha256: string }>;
  manifest: ManifestEvidence | null;
  /** Where the gates' results were produced, when they come from this run. */
  runUrl: string | null;
  model: string;
  /** Skips the refusal of a commit nothing judged (the CLI's explicit --allow-ungated). */
  allowUngated?: boolean;
  /** The policy's rules for the stage (`registry.stages.<stage>`); none when absent. */
  rules?: StageRules;
}
