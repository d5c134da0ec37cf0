import { sha256Hex } from "../core/digest.js";
import { readInputFile } from "../data/files/read-input-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { ModelgateError } from "../core/modelgate-error.js";
import type { ActionName } from "../core/result-base.js";
import type { ActionResult } from "../report/action-result.js";
import { toUndecidedResult } from "../github/to-undecided-result.js";
import { selectPolicy } from "../policy/select-policy.js";
import { toReadLimits } from "../policy/to-read-limits.js";
import { DEFAULT_POLICY_MAX_BYTES } from "../core/parse-inputs.js";
import type { SelectedPolicy } from "../policy/select-policy.js";

/**
 * A gate run from the command line: the policy read from the given file (a missing file is judged as the action
 * judges a repository without one), the key from `key` or the policy's model, then the gate, given `access` with
 * the policy's read limits. Errors a user can fix become an undecided `fail` result, as in the action.
 */
export async function runWithLocalPolicy(
  action: ActionName,
  options: { policy: string; key?: string | undefined; policyMaxBytes?: number },
  access: FileAccess,
  judge: (selected: SelectedPolicy, key: string, access: FileAccess) => Promise<ActionResult>,
): Promise<ActionResult> {
  let key = options.key ?? "default";
  try {
    const limit = { bytes: options.policyMaxBytes ?? DEFAULT_POLICY_MAX_BYTES, setting: "--policy-max-bytes" };
    const policyFile = await readInputFile(options.policy, access, "policy", limit).catch((error: unknown) => {
      if (error instanceof ModelgateError && /does not exist/.test(error.message)) return undefined;
      throw error;
    });
    const head = policyFile ? { text: policyFile.text, sha256: sha256Hex(policyFile.text) } : undefined;
    const selected = selectPolicy({ file: options.policy, mode: "file", head });
    key = options.key ?? selected.policy.model ?? "default";
    return await judge(selected, key, { ...access, limits: toReadLimits(selected.policy.limits, options.policy) });
  } catch (error) {
    if (!(error instanceof ModelgateError)) throw error;
    return toUndecidedResult(action, key, error);
  }
}
