import { parseArgs } from "node:util";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { registryHistory } from "../registry/registry-history.js";
import { rollbackStage } from "../registry/rollback-stage.js";
import { renderHistoryText } from "../report/render-registry-text.js";
import { sanitizeTerminalText } from "../report/escape-markdown.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { openRegistry } from "./open-registry.js";

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "move a stage back to an earlier version after verifying its artifacts (local git registry)",
  usage: `Usage: modelgate rollback --model NAME --stage STAGE --reason TEXT [--to X.Y.Z] [--actor NAME]
                          [--repo OWNER/NAME | --repo-dir DIR] [--asset-dir DIR]

Verifies the sha256 of the target's artifacts, then writes <model>#<stage>!#<N> (unassigning the current
version) and <model>#<stage>#<N+1> (assigning the target). The default target is the version assigned
before the current one, skipping versions that were themselves rolled back. Prints the stage's history.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        model: { type: "string" }, stage: { type: "string" }, to: { type: "string" }, reason: { type: "string" }, actor: { type: "string" },
        repo: { type: "string" }, "repo-dir": { type: "string", default: "." }, "asset-dir": { type: "string" },
      },
      strict: true,
    });
    if (!values.model || !values.stage) throw new UsageError("--model and --stage are required");
    if (!values.reason?.trim()) throw new UsageError("--reason is required: say why the stage goes back");
    const store = await openRegistry({ repo: values.repo, repoDir: values["repo-dir"], assetDir: values["asset-dir"] });
    const outcome = await rollbackStage(store, {
      model: values.model,
      stage: values.stage,
      to: values.to,
      reason: values.reason,
      actor: values.actor ?? process.env.USER ?? "local",
      runUrl: null,
      now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    const history = registryHistory(await readModelRegistry(store, values.model), values.stage);
    process.stdout.write(`${sanitizeTerminalText(values.model)} ${sanitizeTerminalText(values.stage)}: ${outcome.from} -> ${outcome.to.version} (artifacts verified)\n${renderHistoryText(values.model, history)}`);
    return EXIT.ok;
  },
};
