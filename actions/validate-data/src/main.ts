import { loadValidateFiles } from "../../../shared/src/data/load-validate-files.js";
import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { runDriftWatch } from "../../../shared/src/github/run-drift-watch.js";
import { readValidateInputs } from "../../../shared/src/validate/validate-inputs.js";
import { validateData } from "../../../shared/src/validate/validate-data.js";

await runAction("validate-data", async (run) => {
  const inputs = readValidateInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource);
  const files = await loadValidateFiles(inputs, selected.policy.data, run.fileAccess);
  const key = inputs.key ?? selected.policy.model ?? "default";
  const result = validateData({ ...files, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key, schemaOnly: inputs.schemaOnly });
  return runDriftWatch(run, result, inputs);
});
