import * as z from "zod/mini";
import { once } from "../../core/once.js";

/** Per-example losses the search ranks slices by; AUC and F1 do not decompose per example. */
export const SLICE_LOSSES = ["error", "log-loss", "brier", "absolute-error", "squared-error"] as const;
export type SliceLoss = (typeof SLICE_LOSSES)[number];

/**
 * `evaluate.slice-search`, built on first use (with the rest of the `evaluate:` section).
 */
export const sliceSearchPolicySchema = once(() => {
  const positiveInteger = z
    .number()
    .check(z.refine((n) => Number.isSafeInteger(n) && n >= 1, "must be a whole number of at least 1"));
  const columnName = z.string().check(z.minLength(1, "column names must not be empty"));

  /** `evaluate.slice-search`: the automatic search for slices where the candidate regressed (contract §3, evaluate-gate). */
  const SliceSearchPolicySchema = z.union([
    z.literal(false),
    z.strictObject({
      /** Feature columns to search; default: every column of the candidate predictions besides id/label/prediction/score (the first 20). */
      columns: z.optional(
        z.array(columnName).check(
          z.refine((c) => c.length > 0, "must name at least one column"),
          z.refine((c) => new Set(c).size === c.length, "names a column twice"),
        ),
      ),
      /** Predicates per slice: 1, 2 (default) or 3. */
      depth: z.optional(z.number().check(z.refine((n) => n === 1 || n === 2 || n === 3, "must be 1, 2 or 3"))),
      /** Slices with fewer examples are neither searched nor counted in the family (default 100). */
      "min-size": z.optional(
        z.number().check(z.refine((n) => Number.isSafeInteger(n) && n >= 10, "must be a whole number of at least 10")),
      ),
      /** Family-wise level of the Holm correction over the lattice (default 0.05). */
      alpha: z.optional(
        z.number().check(z.refine((n) => n > 0 && n < 0.5, "must be a level between 0 and 0.5, such as 0.05")),
      ),
      /** Numeric columns are cut at this many quantiles of the evaluation set (default 5). */
      bins: z.optional(
        z
          .number()
          .check(z.refine((n) => Number.isSafeInteger(n) && n >= 2 && n <= 20, "must be a whole number from 2 to 20")),
      ),
      /** The per-example loss; default: that of the first gated metric that decomposes (accuracy, log_loss, brier, mae). */
      loss: z.optional(z.enum(SLICE_LOSSES)),
      /** The regression a slice may have before it counts, in the loss's metric units; default: that metric's max-regression. */
      margin: z.optional(z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, "must be zero or more"))),
      /** Slices shown, worst first (default 5). */
      top: z.optional(positiveInteger),
      /** What a significant finding does to the verdict: warn (default) or fail. */
      "on-finding": z.optional(z.enum(["warn", "fail"])),
    }),
  ]);
  return SliceSearchPolicySchema;
});
export type SliceSearchPolicy = z.infer<ReturnType<typeof sliceSearchPolicySchema>>;
