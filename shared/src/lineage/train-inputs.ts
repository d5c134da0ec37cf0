import * as z from "zod/mini";
import { InputError } from "../core/modelgate-error.js";
import { booleanInput, CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";

const integerInput = (allowed: string, min: number) =>
  z.pipe(
    z
      .string()
      .check(
        z.refine(
          (text: string) => /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) >= min,
          allowed,
        ),
      ),
    z.transform((text: string) => Number(text)),
  );

const nonNegativeNumber = z.pipe(
  z
    .string()
    .check(
      z.refine(
        (text: string) => /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text),
        "allowed: a number ≥ 0, such as 0.001",
      ),
    ),
  z.transform((text: string) => Number(text)),
);

export const TrainInputShape = {
  ...CommonInputShape,
  run: z.string(),
  "working-directory": z._default(z.string(), "."),
  seed: z._default(integerInput("allowed: an integer from 0 to 2^53 − 1, such as 0 or 42", 0), 0),
  inputs: z._default(z.string(), ""),
  outputs: z.string(),
  params: z._default(z.string(), ""),
  metrics: z.optional(z.string()),
  "allow-empty": z._default(booleanInput, false),
  manifest: z._default(z.string(), "modelgate.manifest.json"),
  "baseline-manifest": z.optional(z.string()),
  cache: z._default(booleanInput, false),
  "artifact-name": z.optional(z.string().check(z.regex(/^[^":<>|*?\\/\r\n]{1,200}$/))),
  "verify-runs": z.optional(
    integerInput(
      "allowed: an integer ≥ 2 (verification needs at least two runs to compare); remove verify-runs to skip it",
      2,
    ),
  ),
  "verify-compare": z._default(z.enum(["digests", "metrics"]), "digests"),
  "verify-tolerance": z._default(nonNegativeNumber, 0),
  "on-unrepeatable": z._default(z.enum(["fail", "warn"]), "fail"),
};

export type TrainInputs = ReturnType<typeof readTrainInputs>;

/**
 * train-reproducibly's inputs, parsed in one place.
 * @throws InputError for any refused input, and when verify-compare is metrics without a metrics file.
 */
export function readTrainInputs(getInput: GetInput) {
  const inputs = parseInputs(TrainInputShape, getInput);
  if (inputs.verifyCompare === "metrics" && inputs.metrics === undefined) {
    throw new InputError(
      `Input "verify-compare" is "metrics" but "metrics" is empty, so there are no metrics to compare between runs.`,
      `Set metrics to the file the command writes (JSON or YAML), or use verify-compare: digests.`,
      { input: "verify-compare" },
    );
  }
  return inputs;
}
