import { promoteEdge } from "../../../shared/src/github/promote-edge.js";
import { runAction } from "../../../shared/src/github/run-action.js";
import { readPromoteInputs } from "../../../shared/src/registry/promote-inputs.js";
import { runPromote } from "../../../shared/src/use-cases/run-promote.js";

await runAction("promote", async (run) => {
  const inputs = readPromoteInputs(run.getInput);
  return runPromote(inputs, promoteEdge(run, inputs));
});
