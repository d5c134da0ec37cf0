import { readRollbackInputs } from "../registry/rollback-inputs.js";
import { rollbackWithReport } from "../registry/rollback-with-report.js";
import type { Command } from "./commands.js";
import { openRegistry } from "./open-registry.js";
import { runGateCommand } from "./run-gate-command.js";

const FLAGS = ["model", "stage", "to", "reason", "actor", "repo", "repo-dir", "asset-dir"] as const;

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "move a stage back to an earlier version after verifying its artifacts (local git or --repo)",
  usage: `Usage: modelgate rollback --model NAME --stage STAGE --reason TEXT [--to X.Y.Z] [--actor NAME]
                          [--repo OWNER/NAME | --repo-dir DIR] [--asset-dir DIR] [--format text|markdown|json]

Verifies the sha256 of the target's artifacts, then writes <model>#<stage>!#<N> (unassigning the current
version, and any version above the target still active in the stage) and <model>#<stage>#<N+1> (assigning the
target). The default target is the version modelgate assigned before the current one, skipping versions that
were themselves rolled back. Prints the stage's history.`,
  run: (args) =>
    runGateCommand(args, {
      flags: FLAGS,
      readInputs: (get) => ({ ...readRollbackInputs(get), actor: get("actor") || process.env.USER || "local", repo: get("repo") || undefined, repoDir: get("repo-dir") || ".", assetDir: get("asset-dir") || undefined }),
      async run(inputs) {
        const store = await openRegistry({ repo: inputs.repo, repoDir: inputs.repoDir, assetDir: inputs.assetDir });
        const { result } = await rollbackWithReport(store, {
          model: inputs.model,
          stage: inputs.stage,
          ...(inputs.to !== undefined ? { to: inputs.to } : {}),
          reason: inputs.reason.trim(),
          actor: inputs.actor,
          runUrl: null,
          now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
        });
        return result;
      },
    }),
};
