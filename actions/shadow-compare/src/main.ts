import { compareShadowFiles } from "../../../shared/src/data/compare-shadow-files.js";
import { evaluateShadow, requireShadowPolicy } from "../../../shared/src/shadow/evaluate-shadow.js";
import { readShadowInputs } from "../../../shared/src/shadow/shadow-inputs.js";
import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";

await runAction("shadow-compare", async (run) => {
  const inputs = readShadowInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource, inputs.policyMaxBytes);
  const compared = await compareShadowFiles(inputs, requireShadowPolicy(selected.policy, selected.provenance.file), run.fileAccess);
  return evaluateShadow({ ...compared, policy: selected.policy, policyProvenance: selected.provenance, policyLineOf: selected.lineOf, notes: selected.notes, key: inputs.key });
});
