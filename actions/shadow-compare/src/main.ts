import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { readShadowInputs } from "../../../shared/src/shadow/shadow-inputs.js";
import { runShadowCompare } from "../../../shared/src/use-cases/run-shadow-compare.js";
// Bundled into this entry rather than left in chunks of their own (the shared modules import them on first use):
// every run renders the shadow report, and shadow logs are often JSON Lines. Each chunk loaded is a module load of
// its own (a file read on the thread pool, a compile, a link); the example's cold run loaded three.
import "../../../shared/src/report/render-shadow-markdown.js";
import "../../../shared/src/data/table/read-jsonl-table.js";

await runAction("shadow-compare", async (run) => {
  const inputs = readShadowInputs(run.getInput);
  return runShadowCompare(inputs, await loadGateEdge(run, inputs));
});
