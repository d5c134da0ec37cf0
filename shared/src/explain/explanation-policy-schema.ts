import * as z from "zod/mini";
import { once } from "../core/once.js";

/** Rules `evaluate.explanations` can carry; each becomes one check per feature it names. */
export const EXPLANATION_RULE_NAMES = ["max-rank-change", "sign-stable", "on-feature-mismatch"] as const;
export type ExplanationRuleName = (typeof EXPLANATION_RULE_NAMES)[number];

/**
 * `evaluate.explanations`, built on first use (with the rest of the `evaluate:` section).
 */
export const explanationPolicySchema = once(() => {
  const featureName = z.string().check(z.minLength(1, "feature names must not be empty"));
  const count = (min: number, max: number) =>
    z
      .number()
      .check(
        z.refine((n) => Number.isInteger(n) && n >= min && n <= max, `must be a whole number from ${min} to ${max}`),
      );

  /**
   * `evaluate.explanations`: how the explanation section is drawn, and optional rules on it. Without rules the
   * section is reported only; its rules' checks join the gate's checks.
   */
  const ExplanationPolicySchema = z.strictObject({
    /** How many of each model's most important features the report lists. */
    "top-k": z._default(count(1, 100), 10),
    /** Feature → the largest allowed |candidate rank − baseline rank|. */
    "max-rank-change": z.optional(z.record(featureName, count(0, 1_000_000))),
    /** Features whose attributions must not change sign (the catalog defines a sign change, with its noise floor). */
    "sign-stable": z.optional(z.array(featureName)),
    /** What features present in one model's explanations only do to the verdict: report (default), warn or fail. */
    "on-feature-mismatch": z._default(z.enum(["report", "warn", "fail"]), "report"),
  });
  return ExplanationPolicySchema;
});
export type ExplanationPolicy = z.infer<ReturnType<typeof explanationPolicySchema>>;
