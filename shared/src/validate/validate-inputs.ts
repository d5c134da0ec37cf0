import * as z from "zod/mini";
import { booleanInput, CommonInputShape, parseInputs } from "../gates/parse-inputs.js";
import type { GetInput } from "../gates/parse-inputs.js";

export const ValidateInputShape = {
  ...CommonInputShape,
  data: z.string().check(z.minLength(1)),
  reference: z.optional(z.string()),
  "schema-only": z._default(booleanInput, false),
};

export type ValidateInputs = ReturnType<typeof readValidateInputs>;

/**
 * validate-data's inputs, parsed in one place.
 * @throws InputError for any refused input (an empty `data` included).
 */
export function readValidateInputs(getInput: GetInput) {
  return parseInputs(ValidateInputShape, getInput);
}
