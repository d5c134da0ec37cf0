import { sha256Hex } from "../data/digest.js";
import { loadBiasFiles } from "../data/load-bias-files.js";
import { readInputFile } from "../data/read-input-file.js";
import type { FileAccess } from "../data/resolve-input-path.js";
import { ModelgateError } from "../errors/modelgate-error.js";
import { biasCheck } from "../fairness/bias-check.js";
import type { BiasInputs } from "../gates/bias-inputs.js";
import { resolveSensitive } from "../gates/bias-inputs.js";
import type { ActionResult } from "../gates/gate-result.js";
import { toUndecidedResult } from "../github/to-undecided-result.js";
import { selectPolicy } from "../policy/select-policy.js";

/**
 * The CLI's bias-check: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runBias(inputs: BiasInputs, access: FileAccess): Promise<ActionResult> {
  let key = inputs.key ?? "default";
  try {
    const policyFile = await readInputFile(inputs.policy, access, "policy").catch((error: unknown) => {
      if (error instanceof ModelgateError && /does not exist/.test(error.message)) return undefined;
      throw error;
    });
    const head = policyFile ? { text: policyFile.text, sha256: sha256Hex(policyFile.text) } : undefined;
    const selected = selectPolicy({ file: inputs.policy, mode: "file", head });
    key = inputs.key ?? selected.policy.model ?? "default";
    const sensitive = resolveSensitive(inputs.sensitive, selected.policy.fairness?.sensitive);
    const files = await loadBiasFiles({ ...inputs, sensitive }, access);
    const notes = [...selected.notes, ...files.notes];
    return biasCheck({ ...files, positiveLabel: inputs.positiveLabel, key, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes });
  } catch (error) {
    if (!(error instanceof ModelgateError)) throw error;
    return toUndecidedResult("bias-check", key, error);
  }
}
