import * as z from "zod/mini";
import { booleanInput, CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";

const wholeNumber = (min: number, max: number, example: string) =>
  z.pipe(
    z
      .string()
      .check(
        z.refine(
          (text: string) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max,
          `allowed: a whole number from ${min} to ${max}, such as ${example}`,
        ),
      ),
    z.transform((text: string) => Number(text)),
  );
const unitInterval = z.pipe(
  z
    .string()
    .check(
      z.refine(
        (text: string) => /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number(text) <= 1,
        "allowed: a number from 0 to 1, such as 0.1",
      ),
    ),
  z.transform((text: string) => Number(text)),
);
const nameList = z.pipe(
  z.string(),
  z.transform((text: string) =>
    text
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== ""),
  ),
);

export const ShadowInputShape = {
  ...CommonInputShape,
  production: z.string(),
  shadow: z.string(),
  "join-key": z._default(z.string(), "request_id"),
  "prediction-column": z._default(z.string(), "prediction"),
  "score-column": z._default(z.string(), "score"),
  "latency-column": z._default(z.string(), "latency_ms"),
  "timestamp-column": z._default(z.string(), "timestamp"),
  "slice-columns": z._default(nameList, []),
  labels: z.optional(z.string()),
  "label-column": z._default(z.string(), "label"),
  "shadow-explanations": z.optional(z.string()),
  "duplicate-ids": z._default(z.enum(["error", "first", "last"]), "error"),
  "show-examples": z._default(booleanInput, false),
  "example-columns": z._default(nameList, [
    "id",
    "production_prediction",
    "shadow_prediction",
    "production_score",
    "shadow_score",
    "abs_score_delta",
    "shadow_reasons",
  ]),
  examples: z._default(wholeNumber(1, 100, "10"), 10),
  "review-queue": z.optional(z.string()),
  "review-limit": z._default(wholeNumber(1, 1_000_000, "1000"), 1000),
  "review-margin": z._default(unitInterval, 0.1),
  threshold: z._default(unitInterval, 0.5),
  seed: z._default(wholeNumber(0, Number.MAX_SAFE_INTEGER, "0"), 0),
  "bootstrap-resamples": z._default(wholeNumber(100, 100_000, "1000"), 1000),
};

export type ShadowInputs = ReturnType<typeof readShadowInputs>;

/**
 * shadow-compare's inputs, parsed in one place.
 * @throws InputError for any refused input (naming it, the value and what is allowed).
 */
export function readShadowInputs(getInput: GetInput) {
  return parseInputs(ShadowInputShape, getInput);
}
