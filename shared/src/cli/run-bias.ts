import { runWithLocalPolicy } from "./run-with-local-policy.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { BiasInputs } from "../fairness/bias-inputs.js";
import { runBiasCheck } from "../use-cases/run-bias-check.js";
import type { ActionResult } from "../report/action-result.js";

/**
 * The CLI's bias-check: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runBias(inputs: BiasInputs, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("bias-check", inputs, access, (selected, key, access) => {
    // baseline-predictions: registry:<model>#<stage> reads the registry of the git repository the command runs in.
    const openRegistry = async () => (await import("./open-registry.js")).openRegistry({ repoDir: access.workspace });
    return runBiasCheck({ ...inputs, key }, { policy: selected, access, openRegistry });
  });
}
