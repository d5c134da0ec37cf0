import { runAction } from "../../../shared/src/github/run-action.js";
import { runRollback } from "../../../shared/src/github/run-rollback.js";

await runAction("rollback", runRollback);
