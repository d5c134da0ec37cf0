import { loadEvaluateFiles } from "./load-evaluate-files.js";
import type { EvaluateFileInputs } from "./load-evaluate-files.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { SelectedPolicy } from "../policy/select-policy.js";
import type { RegistryStore } from "../registry/registry-store.js";
import { evaluateGate } from "../evaluate/evaluate-gate.js";
import { sliceColumnsOf } from "../evaluate/evaluate-slices.js";
import type { GateResult } from "../evaluate/gate-result.js";

/**
 * evaluate-gate from its file inputs under a selected policy: reads what the policy needs (metrics files,
 * predictions with the slice columns) and judges. The action and the CLI both run exactly this.
 */
export async function evaluateFromFiles(
  inputs: EvaluateFileInputs,
  selected: SelectedPolicy,
  access: FileAccess,
  key: string | undefined,
  openRegistry?: () => Promise<RegistryStore>,
): Promise<GateResult> {
  const { notes: fileNotes = [], ...files } = await loadEvaluateFiles({ ...inputs, sliceColumns: sliceColumnsOf(selected.policy.evaluate) }, access, openRegistry);
  return evaluateGate({
    ...files,
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
    notes: [...selected.notes, ...fileNotes],
    ...(key !== undefined && { key }),
  });
}
