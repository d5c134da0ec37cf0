import { evaluateShadow, requireShadowPolicy } from "../shadow/evaluate-shadow.js";
import type { ShadowInputs } from "../shadow/shadow-inputs.js";
import type { ShadowResult } from "../shadow/shadow-result.js";
import { compareShadowFiles } from "./compare-shadow-files.js";
import type { GateEdge } from "./gate-edge.js";

/**
 * shadow-compare from its file inputs under the edge's policy: the logs read and compared (the review queue
 * written when asked), then judged by the policy's shadow: rules. The action and the CLI both run exactly this.
 */
export async function runShadowCompare(inputs: ShadowInputs, edge: GateEdge): Promise<ShadowResult> {
  const { policy: selected, access } = edge;
  const compared = await compareShadowFiles(
    inputs,
    requireShadowPolicy(selected.policy, selected.provenance.file),
    access,
  );
  return evaluateShadow({
    ...compared,
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
    notes: selected.notes,
    key: inputs.key,
  });
}
