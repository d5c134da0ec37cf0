import type { ScoreHistogram } from "./score-histogram.js";
import type { ScoredRule } from "./shadow-policy-schema.js";
import type { Check } from "../core/check.js";
import type { DecidedResultBase } from "../core/result-base.js";
import type { Subject } from "../core/subject.js";

/** A check of shadow-compare; statistical ones carry their method, p-value and interval (contract §2). */
export interface ShadowCheck extends Check<ScoredRule | "min-requests" | "scorecard"> {
  /** Set when the comparison could not be computed from the logs (Kayenta's NODATA). */
  nodata?: true;
  method?: string;
  statistic?: number;
  p_value?: number;
  effect_size?: number;
  ci?: [number, number];
}

/** Counts and statistics of the comparison, for the report and the result JSON; never raw rows. */
export interface ShadowSummary {
  requests: {
    production: number;
    shadow: number;
    joined: number;
    only_production: number;
    only_shadow: number;
    coverage: number;
    reverse_coverage: number;
    duplicate_policy: "error" | "first" | "last";
    duplicates: { production: { rows: number; ids: number }; shadow: { rows: number; ids: number } };
  };
  windows: { production?: TimeWindow; shadow?: TimeWindow };
  classes?: {
    compared: number;
    unanswered: number;
    agreement: number;
    flip_rate: number;
    flips: { from: string; to: string; count: number }[];
    classes: { label: string; production: number; shadow: number }[];
  };
  scores?: {
    compared: number;
    mean_delta: number;
    mean_abs_delta: number;
    p50_abs_delta: number;
    p95_abs_delta: number;
    ks?: { statistic: number; p_value: number; method: string };
    wasserstein?: number;
    psi?: number;
    /** Both score distributions on common bins, for the report's plot. */
    histogram: ScoreHistogram;
  };
  prediction_psi?: number;
  latency?: {
    judge: "bootstrap" | "kayenta";
    compared: number;
    percentiles: {
      percent: number;
      production: number;
      shadow: number;
      ratio: number | null;
      ci: [number, number] | null;
    }[];
    kayenta?: {
      classification: string;
      reason: string;
      mean_ratio: number | null;
      p_value: number | null;
      estimate: number | null;
      ci: [number, number] | null;
    };
  };
  slices: { column: string; value: string; compared: number; flips: number; flip_rate: number }[];
  labels?: {
    labelled: number;
    production_accuracy: number;
    shadow_accuracy: number;
    mcnemar_b: number;
    mcnemar_c: number;
    mcnemar_p_value: number;
  };
}

export interface TimeWindow {
  /** ISO 8601 instants of the first and last logged request. */
  first: string;
  last: string;
  sorted: boolean;
}

/** Kayenta-style scorecard outcome. */
export interface ShadowScorecard {
  score: number;
  pass: number;
  marginal: number;
  nodata_share: number;
  /** Critical rules that did not pass; any one makes the score 0. */
  critical_failures: string[];
}

/** One disagreeing request, shown only with show-examples and only in the columns of example-columns. */
export interface ShadowExample {
  cells: Record<string, string>;
}

/** The typed result of shadow-compare, from which every surface is rendered. */
export interface ShadowResult extends DecidedResultBase {
  action: "shadow-compare";
  checks: ShadowCheck[];
  subject: Subject;
  files: { production: string; shadow: string; labels: string | null; review_queue: string | null };
  summary: ShadowSummary;
  scorecard?: ShadowScorecard;
  /** Present only with show-examples (contract §2, privacy). */
  examples?: { columns: string[]; rows: ShadowExample[] };
  /** Action-specific step outputs. */
  outputs: Record<string, string>;
}
