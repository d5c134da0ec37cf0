import { runWithLocalPolicy } from "./run-with-local-policy.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { runShadowCompare } from "../use-cases/run-shadow-compare.js";
import type { ActionResult } from "../report/action-result.js";
import type { ShadowInputs } from "../shadow/shadow-inputs.js";

/**
 * The CLI's shadow-compare: the same core as the action, with the policy read from the given file. Errors a user
 * can fix become an undecided `fail` result, as in the action.
 */
export async function runShadow(inputs: ShadowInputs, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("shadow-compare", inputs, access, (selected, key, access) =>
    runShadowCompare({ ...inputs, key }, { policy: selected, access }),
  );
}
