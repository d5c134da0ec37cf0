import { publishReportsEdge } from "../../../shared/src/github/publish-reports-edge.js";
import { runPublishAction } from "../../../shared/src/github/run-publish-action.js";
import { readPublishInputs } from "../../../shared/src/publish/publish-inputs.js";
import { runPublishReports } from "../../../shared/src/use-cases/run-publish-reports.js";

await runPublishAction(async (run) => {
  const inputs = readPublishInputs(run.getInput);
  return runPublishReports(inputs, publishReportsEdge(run, inputs));
});
