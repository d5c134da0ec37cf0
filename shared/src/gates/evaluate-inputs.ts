import * as z from "zod/mini";
import { CommonInputShape, parseInputs } from "./parse-inputs.js";
import type { GetInput } from "./parse-inputs.js";

export const EvaluateInputShape = {
  ...CommonInputShape,
  candidate: z.string(),
  baseline: z.optional(z.string()),
};

export type EvaluateInputs = ReturnType<typeof readEvaluateInputs>;

/** evaluate-gate's inputs, parsed in one place. @throws InputError */
export function readEvaluateInputs(getInput: GetInput) {
  return parseInputs(EvaluateInputShape, getInput);
}
