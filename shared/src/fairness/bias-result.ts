import type { FairnessAssessment } from "./assess-fairness.js";
import type { FairnessRuleName } from "./fairness-policy-schema.js";
import type { Check } from "../core/check.js";
import type { DecidedResultBase } from "../core/result-base.js";
import type { Subject } from "../core/subject.js";

/** A check of bias-check: one rule of `fairness.metrics` applied to one grouping (a sensitive column or their intersection). */
export interface FairnessCheck extends Check<FairnessRuleName> {
  /** The grouping the metric was computed over ("race", "race × sex"). */
  grouping: string;
  /**
   * What the bound was compared with: the point value, or a confidence-interval limit ("ci"): the value's on the
   * unfair side with `gate-on: ci`, the change's for a max-regression rule with `significance:`.
   */
  gate_on: "point" | "ci";
  /**
   * The bootstrap interval of the candidate's value, when computed; for a max-regression rule with `significance:`,
   * the one-sided (1 − alpha) limits of the change in unfairness (candidate − baseline, larger = less fair) instead.
   */
  ci?: [number, number];
  /** "bootstrap-percentile (stratified)" when the check rests on the interval; "bootstrap-percentile (paired, stratified)" on the change's. */
  method?: string;
  /**
   * A max-regression with `significance:`: what the change's interval showed before `on-inconclusive` applied —
   * pass (the regression is within the allowance at the level), fail (it exceeds it: a real regression), inconclusive
   * (the interval contains the allowance: the data cannot tell noise from a real regression). Absent when undecided.
   */
  significance_decision?: "pass" | "fail" | "inconclusive";
}

/** How the significance checks were computed, so a reviewer can repeat them. */
export interface FairnessSignificanceSettings {
  seed: number;
  resamples: number;
  multiple_testing: "holm" | "bonferroni" | "none";
  /** The family-wise level the adjusted alphas hold. */
  family_alpha: number;
  checks: number;
  interval: "percentile";
  /** What the rows are resampled within. */
  strata: string;
}

/** What the assessment was computed with, for the report. */
export interface FairnessSettings {
  sensitive: string[];
  positive_label: string;
  favorable_label: string;
  min_group_size: number;
  intersections: "report" | "gate";
  bootstrap: { resamples: number; seed: number; confidence: number } | null;
}

/** The one typed result of bias-check. */
export interface BiasResult extends DecidedResultBase {
  action: "bias-check";
  checks: FairnessCheck[];
  subject: Subject;
  files: { candidate: string; baseline: string | null };
  settings: FairnessSettings;
  candidate: FairnessAssessment;
  baseline: FairnessAssessment | null;
  /** Set when some max-regression rule is decided by significance. */
  significance?: FairnessSignificanceSettings;
}
