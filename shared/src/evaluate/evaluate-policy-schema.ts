import * as z from "zod/mini";
import { once } from "../core/once.js";
import { explanationPolicySchema } from "../explain/explanation-policy-schema.js";
import { sliceSearchPolicySchema } from "./slice-search/slice-search-policy-schema.js";

/** Rules a metric can carry, in the order reports list them. */
export const RULE_NAMES = [
  "min",
  "max",
  "max-regression",
  "max-regression-pct",
  "min-improvement",
  "min-improvement-pct",
  "warn-regression",
  "warn-regression-pct",
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** Baseline rules `significance:` turns into a confidence-interval decision (contract §3). */
export const SIGNIFICANCE_RULES = [
  "max-regression",
  "max-regression-pct",
  "min-improvement",
  "min-improvement-pct",
  "warn-regression",
  "warn-regression-pct",
] as const;
/**
 * The `evaluate:` section's schemas, built on first use: a run whose policy has no `evaluate:` section never builds
 * them (zod never reads the schema of an absent optional key).
 */
export const evaluatePolicySchemas = once(() => {
  const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
  const nonNegative = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, "must be zero or more"));
  const alpha = z.number().check(z.refine((n) => n > 0 && n < 0.5, "must be a level between 0 and 0.5, such as 0.05"));
  const positiveInteger = z
    .number()
    .check(z.refine((n) => Number.isSafeInteger(n) && n >= 1, "must be a whole number of at least 1"));

  const onInconclusive = z.enum(["fail", "warn"]);

  const MetricPolicySchema = z
    .strictObject({
      direction: z.enum(["higher", "lower"]),
      min: z.optional(finite),
      max: z.optional(finite),
      "max-regression": z.optional(nonNegative),
      "max-regression-pct": z.optional(nonNegative),
      "min-improvement": z.optional(finite),
      "min-improvement-pct": z.optional(finite),
      "warn-regression": z.optional(nonNegative),
      "warn-regression-pct": z.optional(nonNegative),
      /** Decide the baseline rules on the one-sided (1 − significance) interval of the paired change. */
      significance: z.optional(alpha),
      method: z.optional(z.enum(["bootstrap", "delong"])),
      interval: z.optional(z.enum(["bca", "percentile"])),
      "on-inconclusive": z.optional(onInconclusive),
    })
    .check(
      z.refine(
        (m) => RULE_NAMES.some((rule) => m[rule] !== undefined),
        `declares no rule; give at least one of ${RULE_NAMES.join(", ")}`,
      ),
      z.refine(
        (m) => m.min === undefined || m.max === undefined || m.min <= m.max,
        "has min greater than max, so no value can pass",
      ),
      z.refine(
        (m) => m.significance === undefined || SIGNIFICANCE_RULES.some((rule) => m[rule] !== undefined),
        `has significance but none of the rules it applies to; give one of ${SIGNIFICANCE_RULES.join(", ")}`,
      ),
      z.refine(
        (m) =>
          m.significance !== undefined ||
          (m.method === undefined && m.interval === undefined && m["on-inconclusive"] === undefined),
        "sets method, interval or on-inconclusive without significance; add significance: 0.05 (or remove them)",
      ),
      z.refine(
        (m) => !(m.method === "delong" && m.interval !== undefined),
        "sets interval with method delong; interval (bca, percentile) applies to the bootstrap",
      ),
    );

  const metricsSchema = z
    .record(z.string().check(z.minLength(1, "metric names must not be empty")), MetricPolicySchema)
    .check(z.refine((m) => Object.keys(m).length > 0, "must name at least one metric"));

  const columnName = z.string().check(z.minLength(1, "column names must not be empty"));

  /** One slicing of the evaluation set: by one column or the combination of several (contract §3, evaluate-gate). */
  const SliceSpecSchema = z.strictObject({
    column: z.union([
      columnName,
      z.array(columnName).check(
        z.refine((c) => c.length > 0, "must name at least one column"),
        z.refine((c) => new Set(c).size === c.length, "names a column twice"),
      ),
    ]),
    /** Slices with fewer examples are reported, not gated. */
    "min-size": z.optional(positiveInteger),
    /** Per-slice rules; default: the gate's own `metrics`. */
    metrics: z.optional(metricsSchema),
  });

  /**
   * The model's history (contract §3): the gated metrics over the last `versions` versions that held `stage`,
   * evaluated on the same data as the candidate, shown in the report; `max-below-median` is a rule per metric.
   */
  const HistoryPolicySchema = z.strictObject({
    stage: z.string().check(z.minLength(1, "must name the stage whose holders are compared, e.g. production")),
    /** N: how many comparable versions; default 5. */
    versions: z.optional(
      z
        .number()
        .check(z.refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= 100, "must be a whole number from 1 to 100")),
    ),
    /** The registry's model name; default the policy's `model`. */
    model: z.optional(z.string().check(z.minLength(1))),
    /** Per metric: how far the candidate may fall below (for `direction: lower`, rise above) the median of the comparable versions. */
    "max-below-median": z.optional(z.record(z.string().check(z.minLength(1)), nonNegative)),
  });

  const EvaluatePolicySchema = z.strictObject({
    metrics: metricsSchema,
    /** Gate-wide default of each significance rule's `on-inconclusive`. */
    "on-inconclusive": z.optional(onInconclusive),
    /** A baseline rule whose metric the baseline lacks: fail (default for a registry: baseline) or warn (default otherwise). */
    "on-missing-baseline": z.optional(z.enum(["fail", "warn"])),
    /** Across the gate's significance checks; holm by default when there is more than one. */
    "multiple-testing": z.optional(z.enum(["holm", "bonferroni", "none"])),
    bootstrap: z.optional(
      z.strictObject({
        resamples: z.optional(
          z
            .number()
            .check(
              z.refine(
                (n) => Number.isSafeInteger(n) && n >= 99 && n <= 1_000_000,
                "must be a whole number from 99 to 1000000",
              ),
            ),
        ),
        seed: z.optional(
          z.number().check(z.refine((n) => Number.isSafeInteger(n) && n >= 0, "must be a whole number of 0 or more")),
        ),
      }),
    ),
    slices: z.optional(
      z
        .array(SliceSpecSchema)
        .check(z.refine((s) => s.length > 0, "must list at least one slice, e.g. [{ column: region }]")),
    ),
    /** Default minimum slice size for every slice that does not set its own. */
    "slice-min-size": z.optional(positiveInteger),
    explanations: z.optional(explanationPolicySchema()),
    /** The automatic search for regressed slices; on when the predictions carry feature columns, `false` turns it off. */
    "slice-search": z.optional(sliceSearchPolicySchema()),
    history: z.optional(HistoryPolicySchema),
  });
  return { MetricPolicySchema, SliceSpecSchema, HistoryPolicySchema, EvaluatePolicySchema };
});
type Schemas = ReturnType<typeof evaluatePolicySchemas>;
export type MetricPolicy = z.infer<Schemas["MetricPolicySchema"]>;
export type SliceSpec = z.infer<Schemas["SliceSpecSchema"]>;
export type HistoryPolicy = z.infer<Schemas["HistoryPolicySchema"]>;
export type EvaluatePolicy = z.infer<Schemas["EvaluatePolicySchema"]>;
