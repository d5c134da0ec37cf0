import { loadTrainEdge } from "../../../shared/src/github/load-train-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { readTrainInputs } from "../../../shared/src/lineage/train-inputs.js";
import { runTrainReproducibly } from "../../../shared/src/use-cases/run-train-reproducibly.js";

await runAction("train-reproducibly", async (run) => {
  const inputs = readTrainInputs(run.getInput);
  return runTrainReproducibly(inputs, await loadTrainEdge(run, inputs));
});
