import * as z from "zod/mini";
import { once } from "../core/once.js";

/** The comparison bounds a `shadow:` section can set; each one set becomes one check. */
export const SHADOW_RULES = [
  "min-coverage",
  "min-reverse-coverage",
  "max-flip-rate",
  "max-mean-abs-score-delta",
  "max-p95-abs-score-delta",
  "max-score-ks",
  "max-score-wasserstein",
  "max-score-psi",
  "max-prediction-psi",
  "max-latency-p50-regression-pct",
  "max-latency-p95-regression-pct",
  "max-latency-p99-regression-pct",
  "max-slice-flip-rate",
  "max-accuracy-drop",
] as const;
export type ShadowRule = (typeof SHADOW_RULES)[number];

const LATENCY_RULES = [
  "max-latency-p50-regression-pct",
  "max-latency-p95-regression-pct",
  "max-latency-p99-regression-pct",
] as const;

/** Names a scorecard can weigh: the rules, and "latency-judge" for Kayenta's latency judgement. */
const SCORED = [...SHADOW_RULES, "latency-judge"] as const;
export type ScoredRule = (typeof SCORED)[number];

/**
 * The `shadow:` section's schemas, built on first use: a run whose policy has no `shadow:` section never builds them.
 */
export const shadowPolicySchemas = once(() => {
  const fraction = z
    .number()
    .check(z.refine((n) => Number.isFinite(n) && n >= 0 && n <= 1, "must be a number from 0 to 1"));
  const nonNegative = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, "must be zero or more"));
  const count = z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1, "must be a whole number of 1 or more"));

  /** Kayenta-style scorecard: weighted share of passing checks, classified pass / marginal (warn) / fail. */
  const ShadowScorecardSchema = z
    .strictObject({
      pass: z._default(z.number().check(z.refine((n) => n >= 0 && n <= 100, "must be from 0 to 100")), 95),
      marginal: z._default(z.number().check(z.refine((n) => n >= 0 && n <= 100, "must be from 0 to 100")), 75),
      /** Rule name → weight (percent of the score); rules without a weight share what is left equally. */
      weights: z.optional(z.partialRecord(z.enum(SCORED), nonNegative)),
      /** Rules whose failure makes the score 0, as Kayenta's critical metrics. */
      critical: z.optional(z.array(z.enum(SCORED))),
      /** Share of rules without data at which the score is 0 (Kayenta: 50%). */
      "max-nodata-share": z._default(fraction, 0.5),
    })
    .check(
      z.refine((s) => s.marginal <= s.pass, "has marginal above pass"),
      z.refine(
        (s) => Object.values(s.weights ?? {}).reduce((a, b) => a + (b ?? 0), 0) <= 100,
        "has weights that add up to more than 100",
      ),
    );

  const ShadowPolicySchema = z
    .strictObject({
      /** Fewer joined requests than this fails the gate: too little data is a failure, not a pass. */
      "min-requests": z._default(count, 100),
      "min-coverage": z.optional(fraction),
      "min-reverse-coverage": z.optional(fraction),
      "max-flip-rate": z.optional(fraction),
      "max-mean-abs-score-delta": z.optional(nonNegative),
      "max-p95-abs-score-delta": z.optional(nonNegative),
      "max-score-ks": z.optional(fraction),
      "max-score-wasserstein": z.optional(nonNegative),
      "max-score-psi": z.optional(nonNegative),
      "max-prediction-psi": z.optional(nonNegative),
      "max-latency-p50-regression-pct": z.optional(nonNegative),
      "max-latency-p95-regression-pct": z.optional(nonNegative),
      "max-latency-p99-regression-pct": z.optional(nonNegative),
      /** bootstrap: the pct rules bound each percentile's ratio; kayenta: Kayenta's Mann–Whitney judge is one check. */
      "latency-judge": z._default(z.enum(["bootstrap", "kayenta"]), "bootstrap"),
      /** Coverage of the latency intervals; Kayenta's judge defaults to its own 0.98 when this is not set. */
      "latency-confidence": z.optional(z.number().check(z.refine((n) => n > 0 && n < 1, "must be between 0 and 1"))),
      "on-inconclusive": z._default(z.enum(["fail", "warn"]), "fail"),
      "max-slice-flip-rate": z.optional(fraction),
      /** Slice values with fewer compared requests are reported but not judged. */
      "min-slice-requests": z._default(count, 30),
      "max-accuracy-drop": z.optional(nonNegative),
      "min-labels": z._default(count, 30),
      scorecard: z.optional(ShadowScorecardSchema),
    })
    .check(
      z.refine(
        (s) => s["latency-judge"] === "kayenta" || SHADOW_RULES.some((rule) => s[rule] !== undefined),
        `declares no rule; give at least one of ${SHADOW_RULES.join(", ")}, or latency-judge: kayenta`,
      ),
      z.refine(
        (s) => s["latency-judge"] !== "kayenta" || LATENCY_RULES.every((rule) => s[rule] === undefined),
        `sets latency-judge: kayenta, which judges the whole latency distribution with its own band; remove ${"max-latency-p*-regression-pct"} or use latency-judge: bootstrap`,
      ),
    );
  return { ShadowScorecardSchema, ShadowPolicySchema };
});
type Schemas = ReturnType<typeof shadowPolicySchemas>;
export type ShadowPolicy = z.infer<Schemas["ShadowPolicySchema"]>;
