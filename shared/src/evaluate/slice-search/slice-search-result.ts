import type { SliceLoss } from "./slice-search-policy-schema.js";

/** The `method` of the check a slice search finding adds: a one-sided t test against the margin, Holm-adjusted. */
export const SLICE_SEARCH_METHOD = "slice-search-t";

/** One slice the search found, as every surface shows it. */
export interface FoundSlice {
  /** `region=west, plan=basic`: its predicates joined. */
  slice: string;
  predicates: string[];
  rows: number;
  /** The loss metric on the slice: the candidate's, the baseline's, and candidate − baseline. */
  value: number;
  baseline: number;
  delta: number;
  /** The mean regression (positive = worse), tested against the margin. */
  regression: number;
  /** Student's t; null for a slice whose changes are all equal (p 0). */
  statistic: number | null;
  p_value: number;
  /** Holm-adjusted over `family` slices. */
  p_value_adjusted: number;
  /** p_value_adjusted ≤ alpha: the slice regressed beyond the margin. */
  significant: boolean;
}

/** What the automatic slice search did and found, so a reviewer can repeat it. */
export interface SliceSearchSummary {
  loss: SliceLoss;
  /** The metric the loss is the mean of (`accuracy` for 0/1 error). */
  metric: string;
  direction: "higher" | "lower";
  margin: number;
  margin_source: string;
  /** `t-test-holm`: each slice's one-sample t test against the margin, Holm over the whole lattice. */
  method: "t-test-holm";
  alpha: number;
  /** Slices the correction covered: every lattice slice of at least `min_size` examples. */
  family: number;
  family_by_depth: number[];
  /** Slices whose mean regression exceeds the margin, the only ones tested individually. */
  tested: number;
  depth: number;
  min_size: number;
  bins: number;
  columns: string[];
  rows: number;
  /** Significant slices. */
  found: number;
  on_finding: "warn" | "fail";
  /** The top slices, worst (smallest p) first. */
  slices: FoundSlice[];
}
