import * as z from "zod/mini";
import { InputError } from "../core/modelgate-error.js";
import { booleanInput, CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";

export const ValidateInputShape = {
  ...CommonInputShape,
  data: z.string().check(z.minLength(1)),
  reference: z.optional(z.string()),
  "schema-only": z._default(booleanInput, false),
  // Where the data's mergeable profile goes (modelgate profile merge combines the shards' profiles).
  "profile-path": z.optional(z.string()),
  // Scheduled drift watch: one issue per key while drift trips; optionally dispatch a workflow (retraining).
  issue: z._default(booleanInput, false),
  "issue-labels": z._default(
    z.pipe(
      z.string().check(z.regex(/^[^,]{1,50}(,[^,]{1,50})*$/)),
      z.transform((text: string) =>
        text
          .split(",")
          .map((label) => label.trim())
          .filter((label) => label.length > 0),
      ),
    ),
    ["data-drift"],
  ),
  dispatch: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]+\.ya?ml$/))),
  "dispatch-ref": z.optional(z.string().check(z.regex(/^[A-Za-z0-9._/-]+$/))),
};

export type ValidateInputs = ReturnType<typeof readValidateInputs>;

/**
 * validate-data's inputs, parsed in one place.
 * @throws InputError for any refused input (an empty `data` included).
 */
export function readValidateInputs(getInput: GetInput) {
  const inputs = parseInputs(ValidateInputShape, getInput);
  if (inputs.dispatch !== undefined && inputs.dispatchRef === undefined) {
    throw new InputError(
      `Input "dispatch" is set but "dispatch-ref" is empty, so there is no ref to run ${inputs.dispatch} on.`,
      `Set dispatch-ref (default \${{ github.ref_name }}) to the branch the workflow runs on.`,
      { input: "dispatch-ref" },
    );
  }
  if (inputs.dispatch !== undefined && !inputs.issue) {
    throw new InputError(
      `Input "dispatch" is set but "issue" is false; the workflow is dispatched when the scheduled drift check trips.`,
      `Set issue: true beside dispatch, or remove dispatch.`,
      { input: "dispatch" },
    );
  }
  return inputs;
}
