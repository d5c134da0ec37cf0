import { readBiasInputs } from "../../../shared/src/fairness/bias-inputs.js";
import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { openRunRegistry } from "../../../shared/src/github/open-run-registry.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { runBiasCheck } from "../../../shared/src/use-cases/run-bias-check.js";

await runAction("bias-check", async (run) => {
  const inputs = readBiasInputs(run.getInput);
  // baseline-predictions: registry:<model>#<stage> reads this repository's registry tags and release assets through the API.
  return runBiasCheck(inputs, {
    ...(await loadGateEdge(run, inputs)),
    openRegistry: openRunRegistry(run, "read the baseline predictions from the registry"),
  });
});
