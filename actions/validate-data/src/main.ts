// First: it sets a V8 flag that must precede the other modules.
import "../../../shared/src/github/young-generation-small.js";
import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { validateDataEffects } from "../../../shared/src/github/validate-data-effects.js";
import { allowReferenceWorker } from "../../../shared/src/use-cases/reader-worker-script.js";
import { runValidateData } from "../../../shared/src/use-cases/run-validate-data.js";
import { readValidateInputs } from "../../../shared/src/validate/validate-inputs.js";

// The data and the reference are read at once: the reference on a worker thread, from the reader's own bundle.
allowReferenceWorker(import.meta.url);
await runAction("validate-data", async (run) => {
  const inputs = readValidateInputs(run.getInput);
  return runValidateData(inputs, { ...(await loadGateEdge(run, inputs)), ...validateDataEffects(run, inputs) });
});
