import { sha256Hex } from "../data/digest.js";
import { loadValidateFiles } from "../data/load-validate-files.js";
import { readInputFile } from "../data/read-input-file.js";
import type { FileAccess } from "../data/resolve-input-path.js";
import { ModelgateError } from "../errors/modelgate-error.js";
import type { ActionResult } from "../gates/gate-result.js";
import { toUndecidedResult } from "../github/to-undecided-result.js";
import { selectPolicy } from "../policy/select-policy.js";
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
  let key = options.key ?? "default";
  try {
    const policyFile = await readInputFile(options.policy, access, "policy").catch((error: unknown) => {
      if (error instanceof ModelgateError && /does not exist/.test(error.message)) return undefined;
      throw error;
    });
    const head = policyFile ? { text: policyFile.text, sha256: sha256Hex(policyFile.text) } : undefined;
    const selected = selectPolicy({ file: options.policy, mode: "file", head });
    key = options.key ?? selected.policy.model ?? "default";
    const files = await loadValidateFiles(options, selected.policy.data, access);
    return validateData({ ...files, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key, schemaOnly: options.schemaOnly });
  } catch (error) {
    if (!(error instanceof ModelgateError)) throw error;
    return toUndecidedResult("validate-data", key, error);
  }
}
