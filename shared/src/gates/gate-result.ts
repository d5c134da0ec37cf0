import type { ExplanationRuleName } from "../explain/explanation-policy-schema.js";
import type { ExplanationSummary } from "../explain/explanation-summary.js";
import type { TrainResult } from "../lineage/train-result.js";
import type { RuleName } from "../policy/policy-schema.js";
import type { ShadowResult } from "./shadow-result.js";
import type { ValidateDataResult } from "../validate/validate-result.js";
import type { BiasResult } from "./bias-result.js";
import type { PromoteResult, RollbackResult } from "../registry/registry-result.js";
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
  /** The slice the check is about (`region=EU`, `region=EU, plan=pro`); absent for the whole evaluation set. */
  slice?: string;
  // A check that rests on a statistic carries its evidence (contract §2).
  /** "bootstrap-bca", "bootstrap-percentile", "delong", … */
  method?: string;
  /** The test statistic, when the method has one (a z score, a KS D). */
  statistic?: number | null;
  /** The p-value of the check's own one-sided test. */
  p_value?: number | null;
  /** The p-value adjusted for multiple testing across the gate's significance checks. */
  p_value_adjusted?: number | null;
  /** A "no difference" p-value shown beside for the reviewer (McNemar's exact for accuracy, DeLong's for AUC). */
  p_value_no_difference?: number;
  /** The level the interval was read at, after the multiple-testing adjustment. */
  alpha?: number;
  /** [low, high]: the one-sided (1 − alpha) limits of the paired change candidate − baseline. */
  ci?: [number, number];
  effect_size?: number | null;
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

/** How a gate's significance checks were computed, so a reviewer can repeat them. */
export interface SignificanceSettings {
  seed: number;
  resamples: number;
  multiple_testing: "holm" | "bonferroni" | "none";
  /** The family-wise level the adjusted alphas hold. */
  family_alpha: number;
  checks: number;
}

/** One slice of the evaluation set: its size, whether it was gated, and its metrics beside the baseline's. */
export interface SliceSummary {
  /** `region=EU` or `region=EU, plan=pro`. */
  slice: string;
  columns: string[];
  rows: number;
  /** False below `min-size`: reported, not gated. */
  gated: boolean;
  min_size: number;
  verdict: Verdict;
  metrics: UngatedMetric[];
}

/** A check of evaluate-gate: a rule of the policy's `evaluate.metrics` or `evaluate.explanations`. */
export type EvaluateCheck = Check<RuleName | ExplanationRuleName>;

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
  /** Set when some rule is decided by significance. */
  significance?: SignificanceSettings;
  /** Set when the policy slices the evaluation set; worst slices first. */
  slices?: SliceSummary[];
  /** Names of the files compared, as the user gave them. */
  files: {
    candidate: string;
    baseline: string | null;
    /** Predictions files metrics were computed from, when given (then `candidate` may name the same file). */
    candidate_predictions?: string;
    baseline_predictions?: string;
  };
  /** What changed in the models' explanations, when candidate explanations were given. */
  explanations?: ExplanationSummary;
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
export type DecidedResult = GateResult | ShadowResult | ValidateDataResult | BiasResult | TrainResult | PromoteResult | RollbackResult;

/** Every result an action publishes. */
export type ActionResult = DecidedResult | UndecidedResult;
