import type { Check, UngatedMetric } from "../core/check.js";
import type { DecidedResultBase } from "../core/result-base.js";
import type { Subject } from "../core/subject.js";
import type { Verdict } from "../core/verdict.js";
import type { ExplanationRuleName } from "../explain/explanation-policy-schema.js";
import type { ExplanationSummary } from "../explain/explanation-summary.js";
import type { EvaluatePlots } from "./evaluate-plots.js";
import type { RuleName } from "./evaluate-policy-schema.js";
import type { SliceSearchSummary } from "./slice-search/slice-search-result.js";
import type { ModelHistory } from "../registry/model-history.js";

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
export type EvaluateCheck = Check<RuleName | ExplanationRuleName | "max-below-median">;
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
  /** Set when the automatic slice search ran: where the candidate got worse than the baseline, found automatically. */
  slice_search?: SliceSearchSummary;
  /** Names of the files compared, as the user gave them. */
  files: {
    candidate: string;
    baseline: string | null;
    /** Predictions files metrics were computed from, when given (then `candidate` may name the same file). */
    candidate_predictions?: string;
    baseline_predictions?: string;
    /** The evaluation data file named by `eval-data`, whose digest is `subject.eval_data_sha256`. */
    eval_data?: string;
  };
  /** What changed in the models' explanations, when candidate explanations were given. */
  explanations?: ExplanationSummary;
  /** The model's history (`evaluate.history`): the stage's last comparable versions and the candidate's values. */
  history?: ModelHistory & { candidate: Record<string, number | null> };
  /** The data of the report's plots (curves, confusion matrices, reliability, residuals), when predictions were given. */
  plots?: EvaluatePlots;
}
