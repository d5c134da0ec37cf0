import { compareShadowFiles } from "../data/compare-shadow-files.js";
import { sha256Hex } from "../data/digest.js";
import { readInputFile } from "../data/read-input-file.js";
import type { FileAccess } from "../data/resolve-input-path.js";
import { ModelgateError } from "../errors/modelgate-error.js";
import { evaluateShadow, requireShadowPolicy } from "../gates/evaluate-shadow.js";
import type { ActionResult } from "../gates/gate-result.js";
import type { ShadowInputs } from "../gates/shadow-inputs.js";
import { toUndecidedResult } from "../github/to-undecided-result.js";
import { selectPolicy } from "../policy/select-policy.js";

/**
 * The CLI's shadow-compare: the same core as the action, with the policy read from the given file. Errors a user
 * can fix become an undecided `fail` result, as in the action.
 */
export async function runShadow(inputs: ShadowInputs, access: FileAccess): Promise<ActionResult> {
  let key = inputs.key ?? "default";
  try {
    const policyFile = await readInputFile(inputs.policy, access, "policy").catch((error: unknown) => {
      if (error instanceof ModelgateError && /does not exist/.test(error.message)) return undefined;
      throw error;
    });
    const head = policyFile ? { text: policyFile.text, sha256: sha256Hex(policyFile.text) } : undefined;
    const selected = selectPolicy({ file: inputs.policy, mode: "file", head });
    key = inputs.key ?? selected.policy.model ?? "default";
    const compared = await compareShadowFiles(inputs, requireShadowPolicy(selected.policy, selected.provenance.file), access);
    return evaluateShadow({ ...compared, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key });
  } catch (error) {
    if (!(error instanceof ModelgateError)) throw error;
    return toUndecidedResult("shadow-compare", key, error);
  }
}
