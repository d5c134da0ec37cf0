import { runAction } from "../../../shared/src/github/run-action.js";
import * as runner from "../../../shared/src/github/runner-commands.js";
import { trainRunServices } from "../../../shared/src/github/train-run-services.js";
import { toTrainOutputs } from "../../../shared/src/github/train-outputs.js";
import { runTraining } from "../../../shared/src/lineage/run-training.js";
import { readTrainInputs } from "../../../shared/src/lineage/train-inputs.js";
import { toTrainOptions } from "../../../shared/src/lineage/to-train-options.js";

await runAction("train-reproducibly", async (run) => {
  const inputs = readTrainInputs(run.getInput);
  const { services, model } = await trainRunServices(run, inputs.policy, inputs.policySource, inputs.policyMaxBytes);
  const key = inputs.key ?? model ?? "default";
  const result = await runTraining(await toTrainOptions(inputs, run.fileAccess, key, run.context.runUrl ?? null), services);
  for (const [name, value] of Object.entries(toTrainOutputs(result))) runner.setOutput(name, value);
  return result;
});
