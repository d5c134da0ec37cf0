import { fileURLToPath } from "node:url";
import { loadGateEdge } from "../../../shared/src/github/load-gate-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { validateDataEffects } from "../../../shared/src/github/validate-data-effects.js";
import {
  allowReferenceWorker,
  isReferenceWorker,
  serveReferenceWorker,
} from "../../../shared/src/use-cases/reference-worker.js";
import { runValidateData } from "../../../shared/src/use-cases/run-validate-data.js";
import { readValidateInputs } from "../../../shared/src/validate/validate-inputs.js";

// This bundle also serves the reference read on a worker thread (the data and the reference are read at once).
if (isReferenceWorker()) await serveReferenceWorker();
else {
  allowReferenceWorker(fileURLToPath(import.meta.url));
  await runAction("validate-data", async (run) => {
    const inputs = readValidateInputs(run.getInput);
    return runValidateData(inputs, { ...(await loadGateEdge(run, inputs)), ...validateDataEffects(run, inputs) });
  });
}
