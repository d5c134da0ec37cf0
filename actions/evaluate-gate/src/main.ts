import { evaluateFromFiles } from "../../../shared/src/gates/evaluate-from-files.js";
import { readEvaluateInputs } from "../../../shared/src/gates/evaluate-inputs.js";
import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";

await runAction("evaluate-gate", async (run) => {
  const inputs = readEvaluateInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource);
  return evaluateFromFiles(inputs, selected, run.fileAccess, inputs.key);
});
