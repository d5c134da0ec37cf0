import type { GateEdge } from "../use-cases/gate-edge.js";
import type { ActionRun } from "./action-run.js";
import { loadRunPolicy } from "./load-run-policy.js";

/**
 * A gate's edge in an action: the policy that judges this run (`loadRunPolicy`: the base branch's on pull requests),
 * and the run's file access under that policy's read limits (read after the policy sets them).
 */
export async function loadGateEdge(
  run: ActionRun,
  inputs: { policy: string; policySource: "base" | "head"; policyMaxBytes: number },
): Promise<GateEdge> {
  const policy = await loadRunPolicy(run, inputs.policy, inputs.policySource, inputs.policyMaxBytes);
  return { policy, access: run.fileAccess };
}
