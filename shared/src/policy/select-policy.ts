import { PolicyError } from "../core/modelgate-error.js";
import type { PolicyChange, PolicyProvenance } from "../core/result-base.js";
import { diffPolicy } from "./diff-policy.js";
import { parsePolicy, parsePolicyDocument } from "./parse-policy.js";
import type { Policy } from "./policy-schema.js";
import type { PolicyText } from "../data/files/read-policy-file.js";

export interface SelectPolicyInput {
  /** The policy path as the user named it. */
  file: string;
  /** `base`: a pull request judged by its base branch's policy; `head`: the checked-out one; `file`: CLI. */
  mode: "base" | "head" | "file";
  /** The checked-out file; undefined when it does not exist. */
  head: PolicyText | undefined;
  /** The base branch's file (mode `base` only); undefined when the base branch has none. */
  base?: PolicyText | undefined;
}

export interface SelectedPolicy {
  policy: Policy;
  /** Line of a key path in the deciding policy file, for annotations. */
  lineOf(path: ReadonlyArray<string>): number | undefined;
  provenance: PolicyProvenance;
  notes: string[];
}

/**
 * Decides which policy judges a run (contract §2: a pull request must not loosen its own gate). In
 * `base` mode the base branch's policy decides and the head's changes are reported beside; when the
 * base branch has no policy yet, the pull request introduces it and its own version decides.
 * @throws PolicyError when no policy exists or the deciding one is invalid.
 */
export function selectPolicy(input: SelectPolicyInput): SelectedPolicy {
  const { file, head, base } = input;
  if (input.mode !== "base" || base === undefined) {
    if (!head) {
      throw new PolicyError(
        `The policy file ${file} does not exist.`,
        `Create ${file} (see action-catalog.md) or set the policy input to its path.`,
        {
          input: "policy",
          file,
        },
      );
    }
    const notes =
      input.mode === "base"
        ? [`The base branch has no ${file}; this pull request introduces it, so its own version decided.`]
        : [];
    const source = input.mode === "base" ? "head" : input.mode;
    const { policy, lineOf } = parsePolicyDocument(head.text, file);
    return { policy, lineOf, provenance: { file, sha256: head.sha256, source }, notes };
  }
  const { policy, lineOf } = parsePolicyDocument(base.text, `${file} (base branch)`);
  const provenance: PolicyProvenance = { file, sha256: base.sha256, source: "base" };
  if (!head || head.text !== base.text) provenance.change = describeChange(policy, head, file);
  return { policy, lineOf, provenance, notes: [] };
}

function describeChange(basePolicy: Policy, head: PolicyText | undefined, file: string): PolicyChange {
  if (!head) return { differences: diffPolicy(basePolicy, {}) };
  try {
    return { differences: diffPolicy(basePolicy, parsePolicy(head.text, file)) };
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return { differences: [], headError: error.message };
  }
}
