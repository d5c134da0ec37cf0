import * as z from "zod/mini";
import { booleanInput, KEY_PATTERN, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";

/** publish-reports' inputs by their kebab-case names; the CLI's `publish` flags are the same. */
export const PublishInputShape = {
  "run-id": z.pipe(
    z
      .string()
      .check(
        z.regex(/^[1-9][0-9]{0,15}$/, "allowed: a workflow run id such as 123456789 (github.event.workflow_run.id)"),
      ),
    z.transform((text: string) => Number(text)),
  ),
  "artifact-name": z._default(z.string().check(z.regex(/^[^\s/\\"':<>|?]{1,200}$/)), "modelgate-results*"),
  combine: z._default(booleanInput, false),
  key: z._default(z.string().check(z.regex(KEY_PATTERN)), "default"),
  "comment-author": z.optional(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/))),
  "result-path": z.optional(z.string()),
  "github-token": z.optional(z.string()),
};

export type PublishInputs = ReturnType<typeof readPublishInputs>;

/**
 * publish-reports' inputs, parsed in one place.
 * @throws InputError naming the input, its value and what is allowed.
 */
export function readPublishInputs(getInput: GetInput) {
  return parseInputs(PublishInputShape, getInput);
}
