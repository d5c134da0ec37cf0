import { runWithLocalPolicy } from "./run-with-local-policy.js";
import { loadValidateFiles } from "../data/load-validate-files.js";
import type { FileAccess } from "../data/resolve-input-path.js";
import type { ActionResult } from "../gates/gate-result.js";
import { validateData } from "../validate/validate-data.js";

export interface ValidateOptions {
  data: string;
  reference?: string | undefined;
  schemaOnly: boolean;
  policy: string;
  key?: string | undefined;
}

/**
 * The CLI's validate-data: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runValidate(options: ValidateOptions, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("validate-data", options, access, async (selected, key) => {
    const files = await loadValidateFiles(options, selected.policy.data, access);
    return validateData({ ...files, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key, schemaOnly: options.schemaOnly });
  });
}
