import { sha256Hex } from "../data/digest.js";
import type { EvaluateFileInputs } from "../data/load-evaluate-files.js";
import { readInputFile } from "../data/read-input-file.js";
import type { FileAccess } from "../data/resolve-input-path.js";
import { ModelgateError } from "../errors/modelgate-error.js";
import { evaluateFromFiles } from "../gates/evaluate-from-files.js";
import type { ActionResult } from "../gates/gate-result.js";
import { selectPolicy } from "../policy/select-policy.js";
import { toUndecidedResult } from "../github/to-undecided-result.js";

/** What the CLI's evaluate needs: the policy path, the key, and evaluate-gate's file inputs. */
export type EvaluateOptions = EvaluateFileInputs & { policy: string; key?: string | undefined };

/**
 * The CLI's evaluate-gate: the same core as the action, with the policy read from the given file.
 * Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runEvaluate(options: EvaluateOptions, access: FileAccess): Promise<ActionResult> {
  let key = options.key ?? "default";
  try {
    const policyFile = await readInputFile(options.policy, access, "policy").catch((error: unknown) => {
      if (error instanceof ModelgateError && /does not exist/.test(error.message)) return undefined;
      throw error;
    });
    const head = policyFile ? { text: policyFile.text, sha256: sha256Hex(policyFile.text) } : undefined;
    const selected = selectPolicy({ file: options.policy, mode: "file", head });
    key = options.key ?? selected.policy.model ?? "default";
    // baseline: registry:<model>#<stage> reads the registry of the git repository the command runs in.
    const openRegistry = async () => (await import("./open-registry.js")).openRegistry({ repoDir: access.workspace });
    return await evaluateFromFiles(options, selected, access, key, openRegistry);
  } catch (error) {
    if (!(error instanceof ModelgateError)) throw error;
    return toUndecidedResult("evaluate-gate", key, error);
  }
}
