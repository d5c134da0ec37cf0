import { loadRunPolicy } from "../../../shared/src/github/load-run-policy.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { runDriftWatch } from "../../../shared/src/github/run-drift-watch.js";
import * as runner from "../../../shared/src/github/runner-commands.js";
import { writeProfileFile } from "../../../shared/src/github/write-profile-file.js";
import { readValidateInputs } from "../../../shared/src/validate/validate-inputs.js";
import { validateFromFiles } from "../../../shared/src/validate/validate-from-files.js";

await runAction("validate-data", async (run) => {
  const inputs = readValidateInputs(run.getInput);
  const selected = await loadRunPolicy(run, inputs.policy, inputs.policySource, inputs.policyMaxBytes);
  const key = inputs.key ?? selected.policy.model ?? "default";
  const { result, profile } = await validateFromFiles({ inputs, policy: selected.policy, provenance: selected.provenance, lineOf: selected.lineOf, notes: selected.notes, key }, run.fileAccess);
  if (profile) runner.setOutput("profile", writeProfileFile(profile, key, inputs.profilePath, run.context));
  return runDriftWatch(run, result, inputs);
});
