import { runPublishAction } from "../../../shared/src/github/run-publish-action.js";

await runPublishAction();
