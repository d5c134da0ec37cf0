import { runWithLocalPolicy } from "./run-with-local-policy.js";
import type { EvaluateFileInputs } from "../use-cases/load-evaluate-files.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { runEvaluateGate } from "../use-cases/run-evaluate-gate.js";
import type { ActionResult } from "../report/action-result.js";

/** What the CLI's evaluate needs: the policy path, the key, and evaluate-gate's file inputs. */
export type EvaluateOptions = EvaluateFileInputs & {
  policy: string;
  policyMaxBytes?: number;
  key?: string | undefined;
};

/**
 * The CLI's evaluate-gate: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runEvaluate(options: EvaluateOptions, access: FileAccess): Promise<ActionResult> {
  return runWithLocalPolicy("evaluate-gate", options, access, (selected, key, access) => {
    // baseline: registry:<model>#<stage> reads the registry of the git repository the command runs in.
    const openRegistry = async () => (await import("./open-registry.js")).openRegistry({ repoDir: access.workspace });
    return runEvaluateGate({ ...options, key }, { policy: selected, access, openRegistry });
  });
}
