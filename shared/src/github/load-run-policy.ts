import { locatePolicy, readPolicyText } from "../data/files/read-policy-file.js";
import { sha256Hex } from "../core/digest.js";
import { assertFileSize } from "../data/files/read-input-file.js";
import { DEFAULT_POLICY_MAX_BYTES } from "../core/parse-inputs.js";
import type { PolicyText } from "../data/files/read-policy-file.js";
import type { SelectedPolicy } from "../policy/select-policy.js";
import { PolicyFileError } from "../policy/parse-policy.js";
import { selectPolicy } from "../policy/select-policy.js";
import { toReadLimits } from "../policy/to-read-limits.js";
import type { ActionRun } from "./action-run.js";

/**
 * Loads the policy that judges this run: on pull requests the base branch's version by default
 * (read through the contents API, so shallow checkouts work), otherwise the checked-out file.
 * Names the run's key from the deciding policy's model, also when that policy is invalid, so a broken
 * policy reports into the same sticky comment, and sets the run's read limits from its `limits:`. A policy file
 * over `maxBytes` (the policy-max-bytes input) is refused before it is parsed.
 * @throws PolicyError, DataError, GitHubApiError — all fail the gate closed.
 */
export async function loadRunPolicy(
  run: ActionRun,
  policyInput: string,
  source: "base" | "head",
  maxBytes = DEFAULT_POLICY_MAX_BYTES,
): Promise<SelectedPolicy> {
  const location = locatePolicy(policyInput, run.fileAccess);
  const limit = { bytes: maxBytes, setting: "the policy-max-bytes input" };
  const head = await readPolicyText(location, policyInput, limit);
  const pr = run.context.pullRequest;
  const base = pr && source === "base" ? await readBasePolicy(run, location.repoPath, pr.baseSha) : undefined;
  if (base) assertFileSize(Buffer.byteLength(base.text), `${policyInput} (base branch)`, "policy", limit);
  try {
    const selected = selectPolicy(
      pr && source === "base"
        ? { file: policyInput, mode: "base", head, base }
        : { file: policyInput, mode: pr ? "head" : "file", head },
    );
    run.setKey(selected.policy.model ?? "default");
    run.fileAccess = { ...run.fileAccess, limits: toReadLimits(selected.policy.limits, policyInput) };
    return selected;
  } catch (error) {
    if (error instanceof PolicyFileError && error.model) run.setKey(error.model);
    throw error;
  }
}

async function readBasePolicy(run: ActionRun, repoPath: string, baseSha: string): Promise<PolicyText | undefined> {
  const text = await run.readRepoFile(repoPath, baseSha);
  return text === undefined ? undefined : { text, sha256: sha256Hex(text) };
}
