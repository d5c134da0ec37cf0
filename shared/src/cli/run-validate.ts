import { runWithLocalPolicy } from "./run-with-local-policy.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { ActionResult } from "../report/action-result.js";
import { runValidateData } from "../use-cases/run-validate-data.js";

export interface ValidateOptions {
  data: string;
  reference?: string | undefined;
  schemaOnly: boolean;
  policy: string;
  policyMaxBytes?: number;
  key?: string | undefined;
}

/**
 * The CLI's validate-data: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runValidate(options: ValidateOptions, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("validate-data", options, access, (selected, key, access) =>
    runValidateData({ ...options, key }, { policy: selected, access }),
  );
}
