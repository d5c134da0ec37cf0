import { biasCheck } from "../fairness/bias-check.js";
import type { BiasInputs } from "../fairness/bias-inputs.js";
import { resolveSensitive } from "../fairness/bias-inputs.js";
import type { BiasResult } from "../fairness/bias-result.js";
import type { GateEdge } from "./gate-edge.js";
import { loadBiasFiles } from "./load-bias-files.js";

/**
 * bias-check from its file inputs under the edge's policy: the sensitive columns from the inputs or the policy,
 * the predictions read with them, then the fairness assessment. The action and the CLI both run exactly this.
 */
export async function runBiasCheck(inputs: BiasInputs, edge: GateEdge): Promise<BiasResult> {
  const { policy: selected, access } = edge;
  const sensitive = resolveSensitive(inputs.sensitive, selected.policy.fairness?.sensitive);
  const files = await loadBiasFiles({ ...inputs, sensitive }, access);
  const notes = [...selected.notes, ...files.notes];
  return biasCheck({ ...files, positiveLabel: inputs.positiveLabel, key: inputs.key, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes });
}
