import { biasCheck } from "../fairness/bias-check.js";
import type { BiasInputs } from "../fairness/bias-inputs.js";
import { resolveSensitive } from "../fairness/bias-inputs.js";
import type { BiasResult } from "../fairness/bias-result.js";
import type { RegistryStore } from "../registry/registry-store.js";
import type { GateEdge } from "./gate-edge.js";
import { loadBiasFiles } from "./load-bias-files.js";

/**
 * bias-check from its file inputs under the edge's policy: the sensitive columns from the inputs or the policy,
 * the predictions read with them (the baseline's from a file or, for `registry:<model>#<stage>`, from the registry
 * the edge opens), then the fairness assessment. The action and the CLI both run exactly this.
 */
export async function runBiasCheck(
  inputs: BiasInputs,
  edge: GateEdge & { openRegistry?: () => Promise<RegistryStore> },
): Promise<BiasResult> {
  const { policy: selected, access, openRegistry } = edge;
  const sensitive = resolveSensitive(inputs.sensitive, selected.policy.fairness?.sensitive);
  const files = await loadBiasFiles({ ...inputs, sensitive }, access, openRegistry);
  const notes = [...selected.notes, ...files.notes];
  return biasCheck({
    ...files,
    positiveLabel: inputs.positiveLabel,
    key: inputs.key,
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
    notes,
  });
}
