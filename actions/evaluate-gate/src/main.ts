import { loadEvaluateFiles } from "../../../shared/src/data/load-evaluate-files.js";
import { evaluateGate } from "../../../shared/src/gates/evaluate-gate.js";
import { readEvaluateInputs } from "../../../shared/src/gates/evaluate-inputs.js";
import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";

await runAction("evaluate-gate", async (run) => {
  const inputs = readEvaluateInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource);
  const files = await loadEvaluateFiles(inputs, run.fileAccess);
  return evaluateGate({ ...files, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key: inputs.key });
});
