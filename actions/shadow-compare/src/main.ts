import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { readShadowInputs } from "../../../shared/src/shadow/shadow-inputs.js";
import { runShadowCompare } from "../../../shared/src/use-cases/run-shadow-compare.js";

await runAction("shadow-compare", async (run) => {
  const inputs = readShadowInputs(run.getInput);
  return runShadowCompare(inputs, await loadGateEdge(run, inputs));
});
