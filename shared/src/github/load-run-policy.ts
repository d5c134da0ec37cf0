import { locatePolicy, readPolicyText } from "../data/read-policy-file.js";
import { sha256Hex } from "../data/digest.js";
import type { PolicyText, SelectedPolicy } from "../policy/select-policy.js";
import { peekPolicyModel } from "../policy/peek-policy-model.js";
import { selectPolicy } from "../policy/select-policy.js";
import type { ActionRun } from "./action-run.js";

/**
 * Loads the policy that judges this run: on pull requests the base branch's version by default
 * (read through the contents API, so shallow checkouts work), otherwise the checked-out file.
 * Names the run's key from the deciding policy's model before validating it, so even a broken policy
 * reports into the same sticky comment.
 * @throws PolicyError, DataError, GitHubApiError — all fail the gate closed.
 */
export async function loadRunPolicy(run: ActionRun, policyInput: string, source: "base" | "head"): Promise<SelectedPolicy> {
  const location = locatePolicy(policyInput, run.fileAccess);
  const head = await readPolicyText(location, policyInput);
  const pr = run.context.pullRequest;
  const keyFrom = (text: string | undefined) => run.setKey(peekPolicyModel(text) ?? "default");
  if (!pr || source === "head") {
    keyFrom(head?.text);
    return selectPolicy({ file: policyInput, mode: pr ? "head" : "file", head });
  }
  const baseText = await run.readRepoFile(location.repoPath, pr.baseSha);
  const base: PolicyText | undefined = baseText === undefined ? undefined : { text: baseText, sha256: sha256Hex(baseText) };
  keyFrom(base?.text ?? head?.text);
  return selectPolicy({ file: policyInput, mode: "base", head, base });
}
