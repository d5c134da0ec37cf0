import { runWithLocalPolicy } from "./run-with-local-policy.js";
import { loadBiasFiles } from "../use-cases/load-bias-files.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { biasCheck } from "../fairness/bias-check.js";
import type { BiasInputs } from "../fairness/bias-inputs.js";
import { resolveSensitive } from "../fairness/bias-inputs.js";
import type { ActionResult } from "../report/action-result.js";

/**
 * The CLI's bias-check: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runBias(inputs: BiasInputs, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("bias-check", inputs, access, async (selected, key, access) => {
    const sensitive = resolveSensitive(inputs.sensitive, selected.policy.fairness?.sensitive);
    const files = await loadBiasFiles({ ...inputs, sensitive }, access);
    const notes = [...selected.notes, ...files.notes];
    return biasCheck({ ...files, positiveLabel: inputs.positiveLabel, key, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes });
  });
}
