import { locatePolicy, readPolicyText } from "../data/read-policy-file.js";
import { sha256Hex } from "../data/digest.js";
import type { PolicyText, SelectedPolicy } from "../policy/select-policy.js";
import { selectPolicy } from "../policy/select-policy.js";
import type { ActionRun } from "./action-run.js";

/**
 * Loads the policy that judges this run: on pull requests the base branch's version by default
 * (read through the contents API, so shallow checkouts work), otherwise the checked-out file.
 * @throws PolicyError, DataError, GitHubApiError — all fail the gate closed.
 */
export async function loadRunPolicy(run: ActionRun, policyInput: string, source: "base" | "head"): Promise<SelectedPolicy> {
  const location = locatePolicy(policyInput, run.fileAccess);
  const head = await readPolicyText(location, policyInput);
  const pr = run.context.pullRequest;
  if (!pr) return selectPolicy({ file: policyInput, mode: "file", head });
  if (source === "head") return selectPolicy({ file: policyInput, mode: "head", head });
  const baseText = await run.readRepoFile(location.repoPath, pr.baseSha);
  const base: PolicyText | undefined = baseText === undefined ? undefined : { text: baseText, sha256: sha256Hex(baseText) };
  return selectPolicy({ file: policyInput, mode: "base", head, base });
}
