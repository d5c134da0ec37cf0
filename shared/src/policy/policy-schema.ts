import { z } from "zod";

/** GTO's model name grammar (contract §5); also keeps names safe inside comment markers and tags. */
export const MODEL_NAME_PATTERN = /^[a-z0-9]([a-z0-9/-]*[a-z0-9])?$/;

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

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const nonNegative = finite.refine((n) => n >= 0, "must be zero or more");

export const MetricPolicySchema = z
  .strictObject({
    direction: z.enum(["higher", "lower"]),
    min: finite.optional(),
    max: finite.optional(),
    "max-regression": nonNegative.optional(),
    "max-regression-pct": nonNegative.optional(),
    "min-improvement": finite.optional(),
    "min-improvement-pct": finite.optional(),
    "warn-regression": nonNegative.optional(),
    "warn-regression-pct": nonNegative.optional(),
  })
  .refine((m) => RULE_NAMES.some((rule) => m[rule] !== undefined), {
    message: `declares no rule; give at least one of ${RULE_NAMES.join(", ")}`,
  })
  .refine((m) => m.min === undefined || m.max === undefined || m.min <= m.max, {
    message: "has min greater than max, so no value can pass",
  });
export type MetricPolicy = z.infer<typeof MetricPolicySchema>;

export const EvaluatePolicySchema = z.strictObject({
  metrics: z
    .record(z.string().min(1, "metric names must not be empty"), MetricPolicySchema)
    .refine((m) => Object.keys(m).length > 0, "must name at least one metric"),
});
export type EvaluatePolicy = z.infer<typeof EvaluatePolicySchema>;

/** Sections owned by other actions are checked by those actions' own schemas when they read them. */
const otherSection = z.record(z.string(), z.unknown());

export const PolicySchema = z.strictObject({
  version: z.literal(1),
  model: z.string().regex(MODEL_NAME_PATTERN, "must match [a-z0-9]([a-z0-9-/]*[a-z0-9])? (GTO's model name rule)").optional(),
  evaluate: EvaluatePolicySchema.optional(),
  data: otherSection.optional(),
  fairness: otherSection.optional(),
  shadow: otherSection.optional(),
  registry: otherSection.optional(),
});
export type Policy = z.infer<typeof PolicySchema>;
