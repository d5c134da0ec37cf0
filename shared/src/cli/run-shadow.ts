import { runWithLocalPolicy } from "./run-with-local-policy.js";
import { compareShadowFiles } from "../use-cases/compare-shadow-files.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { evaluateShadow, requireShadowPolicy } from "../shadow/evaluate-shadow.js";
import type { ActionResult } from "../report/action-result.js";
import type { ShadowInputs } from "../shadow/shadow-inputs.js";

/**
 * The CLI's shadow-compare: the same core as the action, with the policy read from the given file. Errors a user
 * can fix become an undecided `fail` result, as in the action.
 */
export async function runShadow(inputs: ShadowInputs, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("shadow-compare", inputs, access, async (selected, key, access) => {
    const compared = await compareShadowFiles(inputs, requireShadowPolicy(selected.policy, selected.provenance.file), access);
    return evaluateShadow({ ...compared, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key });
  });
}
