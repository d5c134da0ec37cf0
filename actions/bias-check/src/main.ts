import { readBiasInputs } from "../../../shared/src/fairness/bias-inputs.js";
import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { runBiasCheck } from "../../../shared/src/use-cases/run-bias-check.js";

await runAction("bias-check", async (run) => {
  const inputs = readBiasInputs(run.getInput);
  return runBiasCheck(inputs, await loadGateEdge(run, inputs));
});
