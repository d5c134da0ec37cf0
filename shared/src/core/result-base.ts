import type { Check } from "./check.js";
import type { Verdict } from "./verdict.js";

export type ActionName =
  "validate-data" | "train-reproducibly" | "evaluate-gate" | "bias-check" | "shadow-compare" | "promote" | "rollback";

/** Which policy decided, and how it differs from the pull request's version when they differ. */
export interface PolicyProvenance {
  file: string;
  sha256: string;
  source: "base" | "head" | "file";
  /** Set on pull requests whose head changes the policy file. */
  change?: PolicyChange;
}

export interface PolicyChange {
  /** Key-level differences, base → head. Empty when the head policy could not be parsed. */
  differences: PolicyDifference[];
  /** Set when the head's policy file does not parse; the base still decided. */
  headError?: string;
}

export interface PolicyDifference {
  path: string;
  base: string | undefined;
  head: string | undefined;
}
/**
 * What every decided result has in common: the fields the shared surfaces (annotations, check run,
 * outputs, sticky comment) read. Each action's result extends it with what only that action knows.
 */
export interface DecidedResultBase {
  action: ActionName;
  key: string;
  verdict: Verdict;
  checks: Check[];
  /** Which policy decided; annotations of failed checks point into `policy.file`. */
  policy: PolicyProvenance;
  /** Sentences a reviewer should read that are not tied to one check. */
  notes: string[];
}

/**
 * A gate that could not decide (missing file, invalid policy, API error): a `fail` with the reason and
 * the fix, published like any result so the PR shows why the check failed (contract §2: no silent pass).
 */
export interface UndecidedResult {
  action: ActionName;
  key: string;
  verdict: "fail";
  checks: [];
  error: { message: string; hint: string; input?: string; file?: string; path?: string; line?: number };
}
