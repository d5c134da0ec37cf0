import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { SelectedPolicy } from "../policy/select-policy.js";

/**
 * What the edge that runs a gate (an action's runner, the command line) hands its use case: the deciding policy
 * and the file access under that policy's read limits. The edge reads the policy its own way (base branch through
 * the API, or the named file); the use case reads the gate's files and decides.
 */
export interface GateEdge {
  policy: SelectedPolicy;
  access: FileAccess;
}
