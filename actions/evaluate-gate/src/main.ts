import { readEvaluateInputs } from "../../../shared/src/evaluate/evaluate-inputs.js";
import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { openRunRegistry } from "../../../shared/src/github/open-run-registry.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { runEvaluateGate } from "../../../shared/src/use-cases/run-evaluate-gate.js";

await runAction("evaluate-gate", async (run) => {
  const inputs = readEvaluateInputs(run.getInput);
  // baseline: registry:<model>#<stage> reads this repository's registry tags and release assets through the API.
  return runEvaluateGate(inputs, {
    ...(await loadGateEdge(run, inputs)),
    openRegistry: openRunRegistry(run, "read the baseline from the registry"),
  });
});
