import { runAction } from "../../../shared/src/github/run-action.js";
import { runPromote } from "../../../shared/src/github/run-promote.js";

await runAction("promote", runPromote);
