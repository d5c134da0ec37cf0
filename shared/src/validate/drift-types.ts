import type { Check } from "../core/check.js";

/** What kind of test a column gets (contract §7): numeric by the reference's values; binary when both sides hold the same two values. */
export type DriftColumnType = "numeric" | "categorical" | "binary";

/** The test that ran on a column. */
export type DriftMethod = "ks" | "chi2" | "z-test" | "psi" | "jensen-shannon" | "wasserstein";

/** The effect size reported beside every drift test, on the scale `min-effect` uses. */
export type EffectSizeName = "normed-wasserstein" | "jensen-shannon" | "psi";

/**
 * drift: the distribution moved by more than the bound; negligible: the test detects a difference but its effect
 * is below `min-effect`; stable: neither.
 */
export type DriftStatus = "drift" | "negligible" | "stable";

/** A drift check: a `Check` that also carries the statistic it rests on (contract §2). */
export interface DriftCheck extends Check {
  rule: "drift";
  column_type: DriftColumnType;
  method: DriftMethod;
  statistic: number;
  p_value: number | null;
  p_value_adjusted: number | null;
  effect_size: number;
  effect_size_name: EffectSizeName;
  status: DriftStatus;
  reference_rows: number;
  current_rows: number;
  /** Set for a test on profiles' sketches: how it was approximated and its error bound. */
  approximation?: string;
}

/** One column's test before p-values are adjusted across columns. */
export interface RawColumnDrift {
  column_type: DriftColumnType;
  method: DriftMethod;
  statistic: number;
  p_value: number | null;
  effect_size: number;
  effect_size_name: EffectSizeName;
  reference_rows: number;
  current_rows: number;
  /** Current-only categories and the rows that hold them (categorical and binary columns). */
  new_categories: { values: number; rows: number };
  /** Set when the test ran on profiles' sketches rather than the values: how, and its error bound. */
  approximation?: string;
}
