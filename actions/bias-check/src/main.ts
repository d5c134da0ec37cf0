import { loadBiasFiles } from "../../../shared/src/data/load-bias-files.js";
import { biasCheck } from "../../../shared/src/fairness/bias-check.js";
import { readBiasInputs, resolveSensitive } from "../../../shared/src/fairness/bias-inputs.js";
import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";

await runAction("bias-check", async (run) => {
  const inputs = readBiasInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource, inputs.policyMaxBytes);
  const sensitive = resolveSensitive(inputs.sensitive, selected.policy.fairness?.sensitive);
  const files = await loadBiasFiles({ ...inputs, sensitive }, run.fileAccess);
  const notes = [...selected.notes, ...files.notes];
  return biasCheck({ ...files, positiveLabel: inputs.positiveLabel, key: inputs.key, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes });
});
