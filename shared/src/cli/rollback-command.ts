import { readRollbackInputs } from "../registry/rollback-inputs.js";
import { runRollback } from "../use-cases/run-rollback.js";
import type { Command } from "./commands.js";
import { openRegistry } from "./open-registry.js";
import { loadLocalRegistryPolicy } from "./load-local-registry-policy.js";
import { requireRegistryName } from "../registry/registry-names.js";
import { runGateCommand } from "./run-gate-command.js";

const FLAGS = ["model", "stage", "to", "reason", "policy", "actor", "repo", "repo-dir", "asset-dir"] as const;

export const rollbackCommand: Command = {
  name: "rollback",
  usage: `Usage: modelgate rollback --model NAME --stage STAGE --reason TEXT [--to X.Y.Z] [--actor NAME]
                          [--policy FILE] [--repo OWNER/NAME | --repo-dir DIR] [--asset-dir DIR]
                          [--format text|markdown|json|html]

Verifies the sha256 of the target's artifacts, then writes <model>#<stage>!#<N> (unassigning the current
version, and any version above the target still active in the stage) and <model>#<stage>#<N+1> (assigning the
target). The default target is the version modelgate assigned before the current one, skipping versions that
were themselves rolled back. Prints the stage's history.
A stage whose policy sets registry.stages.<stage>.rollback-environment is refused here: only a workflow run's
approved review for that environment can show it (run the rollback workflow). --policy: default modelgate.yml.`,
  run: (args) =>
    runGateCommand(args, {
      flags: FLAGS,
      readInputs: (get) => ({
        ...readRollbackInputs(get),
        actor: get("actor") || process.env.USER || "local",
        repo: get("repo") || undefined,
        repoDir: get("repo-dir") || ".",
        assetDir: get("asset-dir") || undefined,
      }),
      run: (inputs, access) =>
        runRollback(inputs, {
          async locate() {
            const base = await loadLocalRegistryPolicy(inputs.policy, access);
            requireRegistryName(inputs.stage, "stage");
            return {
              base,
              store: await openRegistry({ repo: inputs.repo, repoDir: inputs.repoDir, assetDir: inputs.assetDir }),
            };
          },
          // A command line is no workflow run: a stage whose rollbacks must run in an environment is refused here.
          readApprovals: async () => ({
            unavailable:
              "a command line cannot show (only a workflow run's approved review can); run the rollback workflow",
          }),
          actor: inputs.actor,
          runUrl: null,
        }),
    }),
};
