// zod/mini: the same validation as classic zod at half the bundle and start-up cost (measured), which
// every action run pays before it does anything.
import * as z from "zod/mini";
import { FairnessPolicySchema } from "./fairness-policy-schema.js";

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

const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
const nonNegative = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, "must be zero or more"));

export const MetricPolicySchema = z
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
  })
  .check(
    z.refine((m) => RULE_NAMES.some((rule) => m[rule] !== undefined), `declares no rule; give at least one of ${RULE_NAMES.join(", ")}`),
    z.refine((m) => m.min === undefined || m.max === undefined || m.min <= m.max, "has min greater than max, so no value can pass"),
  );
export type MetricPolicy = z.infer<typeof MetricPolicySchema>;

export const EvaluatePolicySchema = z.strictObject({
  metrics: z
    .record(z.string().check(z.minLength(1, "metric names must not be empty")), MetricPolicySchema)
    .check(z.refine((m) => Object.keys(m).length > 0, "must name at least one metric")),
});
export type EvaluatePolicy = z.infer<typeof EvaluatePolicySchema>;

/** Sections owned by other actions are checked by those actions' own schemas when they read them. */
const otherSection = z.record(z.string(), z.unknown());

export const PolicySchema = z.strictObject({
  version: z.literal(1),
  model: z.optional(z.string().check(z.regex(MODEL_NAME_PATTERN, "must match [a-z0-9]([a-z0-9-/]*[a-z0-9])? (GTO's model name rule)"))),
  evaluate: z.optional(EvaluatePolicySchema),
  data: z.optional(otherSection),
  fairness: z.optional(FairnessPolicySchema),
  shadow: z.optional(otherSection),
  registry: z.optional(otherSection),
});
export type Policy = z.infer<typeof PolicySchema>;
