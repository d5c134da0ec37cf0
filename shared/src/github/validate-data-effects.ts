import type { ValidateDataEdge } from "../use-cases/run-validate-data.js";
import type { ValidateInputs } from "../validate/validate-inputs.js";
import type { ActionRun } from "./action-run.js";
import { runDriftWatch } from "./run-drift-watch.js";
import * as core from "@actions/core";
import { writeProfileFile } from "./write-profile-file.js";

/** What validate-data does on a runner besides deciding: the profile written and set as an output, and the drift watch. */
export function validateDataEffects(
  run: ActionRun,
  inputs: ValidateInputs,
): Pick<ValidateDataEdge, "saveProfile" | "watchDrift"> {
  return {
    saveProfile: (profile, key) =>
      core.setOutput("profile", writeProfileFile(profile, key, inputs.profilePath, run.context)),
    watchDrift: (result) => runDriftWatch(run, result, inputs),
  };
}
