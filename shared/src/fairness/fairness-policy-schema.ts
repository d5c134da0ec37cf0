import * as z from "zod/mini";
import { once } from "../core/once.js";
import { FAIRNESS_METRICS } from "./fairness-metrics.js";
import type { FairnessMetric } from "./fairness-metrics.js";

/** Rules a fairness metric can carry, in the order reports list them. */
export const FAIRNESS_RULE_NAMES = ["min", "max", "max-regression", "warn-regression"] as const;
export type FairnessRuleName = (typeof FAIRNESS_RULE_NAMES)[number];

/**
 * The `fairness:` section's schemas, built on first use: a run whose policy has no `fairness:` section never builds them.
 */
export const fairnessPolicySchemas = once(() => {
  const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
  const nonNegative = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, "must be zero or more"));
  const alpha = z.number().check(z.refine((n) => n > 0 && n < 0.5, "must be a level between 0 and 0.5, such as 0.05"));
  const onInconclusive = z.enum(["fail", "warn"]);
  const wholeAtLeast = (least: number) =>
    z
      .number()
      .check(z.refine((n) => Number.isSafeInteger(n) && n >= least, `must be a whole number of at least ${least}`));

  const FairnessRuleSchema = z
    .strictObject({
      min: z.optional(finite),
      max: z.optional(finite),
      "max-regression": z.optional(nonNegative),
      "warn-regression": z.optional(nonNegative),
      method: z._default(z.enum(["between_groups", "to_overall"]), "between_groups"),
      agg: z._default(z.enum(["worst_case", "mean"]), "worst_case"),
      "gate-on": z._default(z.enum(["point", "ci"]), "point"),
      /** Decide max-regression on the one-sided (1 − significance) paired bootstrap interval of the change. */
      significance: z.optional(alpha),
      "on-inconclusive": z.optional(onInconclusive),
    })
    .check(
      z.refine(
        (m) => FAIRNESS_RULE_NAMES.some((rule) => m[rule] !== undefined),
        `declares no rule; give at least one of ${FAIRNESS_RULE_NAMES.join(", ")}`,
      ),
      z.refine(
        (m) => m.min === undefined || m.max === undefined || m.min <= m.max,
        "has min greater than max, so no value can pass",
      ),
      z.refine(
        (m) => m.significance === undefined || m["max-regression"] !== undefined,
        "has significance but no max-regression, the rule it decides; add max-regression",
      ),
      z.refine(
        (m) => m.significance !== undefined || m["on-inconclusive"] === undefined,
        "sets on-inconclusive without significance; add significance: 0.05 (or remove it)",
      ),
    );

  const FairnessPolicySchema = z
    .strictObject({
      /** Sensitive columns; the action's `sensitive` input, when set, takes their place. */
      sensitive: z.optional(
        z
          .array(z.string().check(z.minLength(1, "column names must not be empty")))
          .check(z.minLength(1, "must name at least one column")),
      ),
      /** Privileged value per sensitive column, for AIF360's disparate impact. */
      privileged: z._default(z.record(z.string(), z.string()), {}),
      "min-group-size": z._default(wholeAtLeast(1), 30),
      /** Whether the rules also apply to the intersection of the sensitive columns, or it is only reported. */
      intersections: z._default(z.enum(["report", "gate"]), "report"),
      resamples: z._default(wholeAtLeast(0), 1000),
      seed: z._default(wholeAtLeast(0), 20240601),
      /** Gate-wide default of each significance rule's `on-inconclusive`. */
      "on-inconclusive": z.optional(onInconclusive),
      /** Across the gate's significance checks; holm by default when there is more than one. */
      "multiple-testing": z.optional(z.enum(["holm", "bonferroni", "none"])),
      confidence: z._default(
        z.number().check(z.refine((n) => n > 0 && n < 1, "must be between 0 and 1, such as 0.95")),
        0.95,
      ),
      metrics: z
        .strictObject(
          Object.fromEntries(FAIRNESS_METRICS.map((metric) => [metric, z.optional(FairnessRuleSchema)])) as Record<
            FairnessMetric,
            z.ZodMiniOptional<typeof FairnessRuleSchema>
          >,
        )
        .check(z.refine((m) => Object.values(m).some((rule) => rule !== undefined), "must name at least one metric")),
    })
    .check(
      z.refine((f) => f.resamples > 0 || !Object.values(f.metrics).some((rule) => rule?.significance !== undefined), {
        message:
          "has resamples: 0, but a rule's significance is decided on bootstrap resamples; set resamples (e.g. 1000) or remove significance",
        path: ["resamples"],
      }),
    );
  return { FairnessRuleSchema, FairnessPolicySchema };
});
type Schemas = ReturnType<typeof fairnessPolicySchemas>;
export type FairnessRule = z.infer<Schemas["FairnessRuleSchema"]>;
export type FairnessPolicy = z.infer<Schemas["FairnessPolicySchema"]>;
