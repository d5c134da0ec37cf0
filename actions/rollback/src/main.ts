import { rollbackEdge } from "../../../shared/src/github/rollback-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { readRollbackInputs } from "../../../shared/src/registry/rollback-inputs.js";
import { runRollback } from "../../../shared/src/use-cases/run-rollback.js";

await runAction("rollback", async (run) => {
  const inputs = readRollbackInputs(run.getInput);
  return runRollback(inputs, rollbackEdge(run, inputs));
});
