import * as z from "zod/mini";
import { InputError } from "../core/modelgate-error.js";
import { PredictionColumnInputShape } from "../data/predictions/prediction-column-inputs.js";
import { CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";

export const BiasInputShape = {
  ...CommonInputShape,
  predictions: z.string().check(z.minLength(1)),
  "baseline-predictions": z.optional(z.string()),
  /** Comma-separated sensitive columns; empty = the policy's `fairness.sensitive`. */
  sensitive: z.optional(z.string()),
  ...PredictionColumnInputShape,
  /** The outcome that is good for the person (selection rate, disparate impact); default the positive label. */
  "favorable-label": z.optional(z.string()),
};

export type BiasInputs = ReturnType<typeof readBiasInputs>;

/**
 * bias-check's inputs, parsed in one place; `sensitive` becomes a list of column names.
 * @throws InputError for any refused input (predictions is required).
 */
export function readBiasInputs(getInput: GetInput) {
  const inputs = parseInputs(BiasInputShape, getInput);
  const sensitive = inputs.sensitive
    ?.split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return { ...inputs, sensitive: sensitive && sensitive.length > 0 ? sensitive : undefined };
}

/**
 * The sensitive columns: the `sensitive` input when set, else the policy's `fairness.sensitive`.
 * @throws InputError when neither names a column.
 */
export function resolveSensitive(
  input: readonly string[] | undefined,
  policySensitive: readonly string[] | undefined,
): string[] {
  const chosen = input ?? policySensitive;
  if (!chosen || chosen.length === 0) {
    throw new InputError(
      `Input "sensitive" is empty and the policy's fairness: section names no sensitive columns, so there are no groups to compare.`,
      "Set sensitive to the group columns of the predictions file, comma-separated (e.g. sensitive: race,sex), or add fairness.sensitive: [race, sex] to the policy.",
      { input: "sensitive" },
    );
  }
  return [...new Set(chosen)];
}
