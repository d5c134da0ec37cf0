import type { TrainResult } from "../lineage/train-result.js";
import type { RuleName } from "../policy/policy-schema.js";
import type { Verdict } from "./verdict.js";

export type ActionName =
  | "validate-data"
  | "train-reproducibly"
  | "evaluate-gate"
  | "bias-check"
  | "shadow-compare"
  | "promote"
  | "rollback";

/**
 * One rule applied to one measured value: the unit every report row, annotation, check-run line and
 * result JSON entry is made of, in every action (a metric, a column statistic, a fairness gap, …).
 */
export interface Check<Rule extends string = string> {
  /** `<metric>:<rule>`, unique within a gate. */
  name: string;
  metric: string;
  rule: Rule;
  verdict: Verdict;
  /** The candidate's value; null when missing or not a finite number. */
  value: number | null;
  baseline: number | null;
  /** candidate − baseline (signed, raw units); null without both values. */
  delta: number | null;
  /** delta as a percent of |baseline|; null for a zero or missing baseline. */
  delta_pct: number | null;
  /** The rule's bound as written in the policy. */
  threshold: number;
  /** One sentence: why this verdict. */
  message: string;
  /** Line of the rule in the deciding policy file, when known (annotations point there). */
  policy_line?: number;
}

/** A metric the candidate or baseline reports but the policy does not gate: shown for context only. */
export interface UngatedMetric {
  metric: string;
  value: number | null;
  baseline: number | null;
  delta: number | null;
  delta_pct: number | null;
}

/** What a result judged (contract §2), so promote can check the gates judged the artifacts it moves. */
export interface Subject {
  model: string;
  candidate_sha256?: string;
  baseline_sha256?: string;
  eval_data_sha256?: string;
  manifest_lineage_sha256?: string;
}

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

/** A check of evaluate-gate: a rule of the policy's `evaluate.metrics`. */
export type EvaluateCheck = Check<RuleName>;

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

/** The one typed result of evaluate-gate, from which every surface (comment, summary, JSON, CLI, outputs) is rendered. */
export interface GateResult extends DecidedResultBase {
  action: "evaluate-gate";
  checks: EvaluateCheck[];
  ungated: UngatedMetric[];
  subject: Subject;
  /** Names of the files compared, as the user gave them. */
  files: {
    candidate: string;
    baseline: string | null;
    /** Predictions files metrics were computed from, when given (then `candidate` may name the same file). */
    candidate_predictions?: string;
    baseline_predictions?: string;
  };
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

/** Every decided result, one member per action; `action` tells them apart. */
export type DecidedResult = GateResult | TrainResult;

/** Every result an action publishes. */
export type ActionResult = DecidedResult | UndecidedResult;
