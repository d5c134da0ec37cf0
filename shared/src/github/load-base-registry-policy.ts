import { locatePolicy } from "../data/files/read-policy-file.js";
import { sha256Hex } from "../core/digest.js";
import { PolicyError } from "../core/modelgate-error.js";
import type { PolicyProvenance } from "../core/result-base.js";
import { parsePolicy } from "../policy/parse-policy.js";
import type { BasePolicy } from "../policy/base-policy.js";
import type { ActionRun } from "./action-run.js";

/**
 * Reads the policy that decides a registry move through the contents API, never the checked-out file (a pull
 * request must not choose its own promotion rules): at the merged pull request's base commit when the moved commit
 * is one (`baseSha`), else at the tip of the repository's default branch (a direct push, a dispatched run on any
 * branch). A missing file means no registry rules, said in a note.
 * @throws PolicyError when the file is invalid or the default branch is unknown; GitHubApiError from the API.
 */
export async function loadBaseRegistryPolicy(
  run: ActionRun,
  policyInput: string,
  baseSha: string | null,
): Promise<BasePolicy> {
  const { repoPath } = locatePolicy(policyInput, run.fileAccess);
  const ref = baseSha ?? run.context.defaultBranch;
  if (ref === undefined) {
    throw new PolicyError(
      `The event payload names no default branch, so the policy that decides this ${run.context.eventName || "run"} cannot be read from it.`,
      `Run promote and rollback on push or workflow_dispatch events, whose payload names the repository's default branch.`,
      { input: "policy" },
    );
  }
  const where = baseSha === null ? `default branch ${ref}` : `base branch at ${baseSha.slice(0, 7)}`;
  const source = `${policyInput} (${where})`;
  const text = await run.readRepoFile(repoPath, ref);
  if (text === undefined) {
    const provenance: PolicyProvenance = { file: policyInput, sha256: "", source: "base" };
    return {
      policy: undefined,
      provenance,
      source,
      notes: [`The ${where} has no ${policyInput}, so no registry: rules apply; only the evidence rules decide.`],
    };
  }
  return {
    policy: parsePolicy(text, source),
    provenance: { file: policyInput, sha256: sha256Hex(text), source: "base" },
    source,
    notes: [],
  };
}
