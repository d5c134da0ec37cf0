import * as z from "zod/mini";
import { InputError } from "../core/modelgate-error.js";
import { parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";
import { RegistryCommonShape, requireDispatchRef } from "./promote-inputs.js";

export const RollbackInputShape = {
  ...RegistryCommonShape,
  model: z.string(),
  stage: z.string(),
  to: z.optional(z.string()),
  reason: z.string().check(z.maxLength(1000)),
};

export type RollbackInputs = ReturnType<typeof readRollbackInputs>;

/**
 * rollback's inputs, parsed in one place.
 * @throws InputError for a refused input, a blank reason, and dispatch without dispatch-ref.
 */
export function readRollbackInputs(getInput: GetInput) {
  const inputs = parseInputs(RollbackInputShape, getInput);
  if (inputs.reason.trim() === "")
    throw new InputError(
      `Input "reason" is blank.`,
      `Say why the stage goes back; it is written into the audit trail.`,
      { input: "reason" },
    );
  requireDispatchRef(inputs);
  return inputs;
}
