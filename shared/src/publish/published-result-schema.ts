import * as z from "zod/mini";
import type { ActionName } from "../core/result-base.js";
import { KEY_PATTERN } from "../core/parse-inputs.js";
import { boundedArray, boundedText } from "./bounded-text.js";
import { PublishedSliceSearchSchema } from "./published-slice-search-schema.js";

/**
 * The actions whose results may be published. Only the seven gates of the product: a result that claims
 * to come from anything else (the publishing step itself included) is refused.
 */
export const PUBLISHABLE_ACTIONS = [
  "validate-data",
  "train-reproducibly",
  "evaluate-gate",
  "bias-check",
  "shadow-compare",
  "promote",
  "rollback",
] as const satisfies readonly ActionName[];

// Fails to compile when an action is added to ActionName but not here.
type Missing = Exclude<ActionName, (typeof PUBLISHABLE_ACTIONS)[number]>;
const everyActionListed: [Missing] extends [never] ? true : Missing = true;
void everyActionListed;

// Free text is cut, never refused for its length (see boundedText); enumerations, digests and keys are exact.
const text = boundedText;
const verdict = z.enum(["pass", "warn", "fail"]);
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** The `Check` fields of gate-result.ts; numbers must be finite (JSON has no NaN, zod refuses Infinity). */
const CheckSchema = z.object({
  name: text(300),
  metric: text(200),
  rule: text(100),
  verdict,
  value: z.nullable(z.number()),
  baseline: z.nullable(z.number()),
  delta: z.nullable(z.number()),
  delta_pct: z.nullable(z.number()),
  threshold: z.number(),
  message: text(2000),
  policy_line: z.optional(z.int().check(z.positive())),
  slice: z.optional(text(300)),
  method: z.optional(text(100)),
  statistic: z.optional(z.number()),
  p_value: z.optional(z.number().check(z.gte(0), z.lte(1))),
  p_value_adjusted: z.optional(z.number().check(z.gte(0), z.lte(1))),
  p_value_no_difference: z.optional(z.number().check(z.gte(0), z.lte(1))),
  alpha: z.optional(z.number().check(z.gt(0), z.lt(1))),
  ci: z.optional(z.tuple([z.number(), z.number()])),
  effect_size: z.optional(z.number()),
});

const PolicySchema = z.object({
  file: text(500),
  // Empty when the action ran without a policy file (train-reproducibly, promote, rollback).
  sha256: z.union([sha256, z.literal("")]),
  source: z.enum(["base", "head", "file"]),
  change: z.optional(
    z.object({
      // A pull request that rewrites a large policy has more; none is shown, so the first 500 are kept.
      differences: boundedArray(
        z.object({ path: text(300), base: z.optional(text(500)), head: z.optional(text(500)) }),
        500,
      ),
      headError: z.optional(text(2000)),
    }),
  ),
});

const SubjectSchema = z.object({
  model: text(200),
  candidate_sha256: z.optional(sha256),
  baseline_sha256: z.optional(sha256),
  eval_data_sha256: z.optional(sha256),
  manifest_lineage_sha256: z.optional(sha256),
});

const ErrorSchema = z.object({
  message: text(2000),
  hint: text(2000),
  input: z.optional(text(100)),
  file: z.optional(text(500)),
  path: z.optional(text(300)),
  line: z.optional(z.int().check(z.positive())),
});

/**
 * The part of `modelgate.result/v1` that every action shares, as a publishing step may trust it after
 * checking: unknown fields (`report_markdown` above all) are dropped, never rendered.
 */
export const PublishedResultSchema = z.object({
  schema: z.literal("modelgate.result/v1"),
  action: z.enum(PUBLISHABLE_ACTIONS),
  key: z.string().check(z.regex(KEY_PATTERN)),
  verdict,
  checks: z.array(CheckSchema).check(z.maxLength(1000)),
  notes: z.optional(boundedArray(text(2000), 100)),
  policy: z.optional(PolicySchema),
  subject: z.optional(SubjectSchema),
  error: z.optional(ErrorSchema),
  slice_search: z.optional(PublishedSliceSearchSchema),
});

export type PublishedResult = z.infer<typeof PublishedResultSchema>;
