import { readEvaluateInputs } from "../../../shared/src/evaluate/evaluate-inputs.js";
import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { openRunRegistry } from "../../../shared/src/github/open-run-registry.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { runEvaluateGate } from "../../../shared/src/use-cases/run-evaluate-gate.js";
// Bundled into this entry rather than left in chunks of its own (the report renderer imports it on first use): every
// run renders the evaluate report. Each chunk loaded is a module load of its own (a file read on the thread pool, a
// compile, a link); a run on metrics files loaded two. The optional sections (slices, history, plots…) stay in one.
import "../../../shared/src/report/load-evaluate-markdown.js";

await runAction("evaluate-gate", async (run) => {
  const inputs = readEvaluateInputs(run.getInput);
  // baseline: registry:<model>#<stage> reads this repository's registry tags and release assets through the API.
  return runEvaluateGate(inputs, {
    ...(await loadGateEdge(run, inputs)),
    openRegistry: openRunRegistry(run, "read the baseline from the registry"),
  });
});
