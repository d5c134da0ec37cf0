import { loadEvaluateFiles } from "./load-evaluate-files.js";
import type { EvaluateFileInputs } from "./load-evaluate-files.js";
import type { RegistryStore } from "../registry/registry-store.js";
import { evaluateGate } from "../evaluate/evaluate-gate.js";
import { sliceColumnsOf } from "../evaluate/evaluate-slices.js";
import { featureColumnsOf } from "../evaluate/slice-search/feature-columns-of.js";
import type { GateResult } from "../evaluate/gate-result.js";
import type { GateEdge } from "./gate-edge.js";

/** What evaluate-gate's edge provides: the policy, file access, and the registry a `registry:` baseline reads. */
export interface EvaluateGateEdge extends GateEdge {
  openRegistry?: () => Promise<RegistryStore>;
}

/**
 * evaluate-gate from its file inputs under the edge's policy: reads what the policy needs (metrics files,
 * predictions with the slice columns) and judges. The action and the CLI both run exactly this.
 */
export async function runEvaluateGate(
  inputs: EvaluateFileInputs & { key?: string | undefined },
  edge: EvaluateGateEdge,
): Promise<GateResult> {
  const { policy: selected, access, openRegistry } = edge;
  const { notes: fileNotes = [], ...files } = await loadEvaluateFiles(
    {
      ...inputs,
      sliceColumns: sliceColumnsOf(selected.policy.evaluate),
      featureColumns: featureColumnsOf(selected.policy.evaluate),
    },
    access,
    openRegistry,
  );
  const result = evaluateGate({
    ...files,
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
    notes: [...selected.notes, ...fileNotes],
    ...(inputs.key !== undefined && { key: inputs.key }),
  });
  const evaluate = selected.policy.evaluate;
  if (!evaluate?.history) return result;
  // Loaded only when the policy asks for history: the registry readers are code a plain run never executes.
  const { addModelHistory } = await import("./add-model-history.js");
  return addModelHistory(result, evaluate, selected.policy.model ?? "default", openRegistry, selected.lineOf);
}
