import { evaluateFromFiles } from "../../../shared/src/evaluate/evaluate-from-files.js";
import { readEvaluateInputs } from "../../../shared/src/evaluate/evaluate-inputs.js";
import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";

await runAction("evaluate-gate", async (run) => {
  const inputs = readEvaluateInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource, inputs.policyMaxBytes);
  // baseline: registry:<model>#<stage> reads this repository's registry tags and release assets through the API.
  const openRegistry = async () => {
    const { openGitHubRegistryStore } = await import("../../../shared/src/github/github-registry-store.js");
    const client = await run.github("read the baseline from the registry");
    return openGitHubRegistryStore(client.octokit, { owner: run.context.owner, repo: run.context.repo });
  };
  return evaluateFromFiles(inputs, selected, run.fileAccess, inputs.key, openRegistry);
});
