import * as z from "zod/mini";
import { boundedArray, boundedText } from "./bounded-text.js";

const count = z.int().check(z.gte(0));
const probability = z.number().check(z.gte(0), z.lte(1));

/** One slice of `slice_search.slices` (evaluate's `FoundSlice`); a slice has one to three predicates. */
const FoundSliceSchema = z.object({
  slice: boundedText(300),
  predicates: z.array(boundedText(300)).check(z.minLength(1), z.maxLength(3)),
  rows: count,
  value: z.number(),
  baseline: z.number(),
  delta: z.number(),
  regression: z.number(),
  statistic: z.nullable(z.number()),
  p_value: probability,
  p_value_adjusted: probability,
  significant: z.boolean(),
});

/**
 * evaluate-gate's `slice_search` (its `SliceSearchSummary`), as a publishing step may show it: the settings the
 * policy schema allows (depth 1–3, 2–20 bins, α below 0.5, at least 10 examples a slice), names cut rather than
 * refused, and the first 100 slices and 1,000 columns kept (`top` and `columns` have no upper bound).
 */
export const PublishedSliceSearchSchema = z.object({
  loss: z.enum(["error", "log-loss", "brier", "absolute-error", "squared-error"]),
  metric: boundedText(200),
  direction: z.enum(["higher", "lower"]),
  margin: z.number().check(z.gte(0)),
  margin_source: boundedText(300),
  method: z.literal("t-test-holm"),
  alpha: z.number().check(z.gt(0), z.lt(0.5)),
  family: count,
  family_by_depth: z.array(count).check(z.minLength(1), z.maxLength(3)),
  tested: count,
  depth: z.int().check(z.gte(1), z.lte(3)),
  min_size: z.int().check(z.gte(10)),
  bins: z.int().check(z.gte(2), z.lte(20)),
  columns: boundedArray(boundedText(300), 1000),
  rows: count,
  found: count,
  on_finding: z.enum(["warn", "fail"]),
  slices: boundedArray(FoundSliceSchema, 100),
});
