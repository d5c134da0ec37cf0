import type { Verdict } from "./verdict.js";

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
