import { RegistryError } from "../registry/registry-error.js";
import { readPromoteInputs } from "../registry/promote-inputs.js";
import { runPromote } from "../use-cases/run-promote.js";
import type { Command } from "./commands.js";
import { UsageError } from "./commands.js";
import { loadLocalRegistryPolicy } from "./load-local-registry-policy.js";
import { openRegistry } from "./open-registry.js";
import { readCliRequiredChecks } from "./read-cli-required-checks.js";
import { runGateCommand } from "./run-gate-command.js";

/** promote's action inputs the CLI takes as flags of the same names, and the registry's own flags. */
const FLAGS = [
  "model",
  "stage",
  "version",
  "bump",
  "artifacts",
  "manifest",
  "predictions",
  "results",
  "require-checks",
  "checks-workflow",
  "policy",
  "reason",
  "ref",
  "actor",
  "repo",
  "repo-dir",
  "asset-dir",
] as const;

export const promoteCommand: Command = {
  name: "promote",
  usage: `Usage: modelgate promote --model NAME --stage STAGE (--version X.Y.Z | --bump major|minor|patch)
                         --artifacts FILE[,FILE…] (--manifest FILE | --allow-missing-manifest)
                         [--predictions FILE] (--results RESULT.json[,…] | --allow-ungated)
                         [--require-checks JOB[,…] --checks-workflow FILE] [--policy FILE]
                         [--reason TEXT] [--ref REV] [--actor NAME]
                         [--repo OWNER/NAME | --repo-dir DIR] [--asset-dir DIR] [--format text|markdown|json|html]

Decides like the promote action: every result JSON (a gate's --format json output or result file) must pass or
warn with at least one check, and its subject must name the promoted files (an artifact, the predictions, the
manifest's lineage or one of its inputs); every artifact the manifest lists must have its digest; the policy's
registry.stages.<stage> rules must hold (require: the gates whose results must be given; checks: jobs whose check
runs are verified through the API with --repo). Then creates the annotated tag <model>@v<semver> on REV (default
HEAD) with the record, stores the artifacts, the predictions (role "predictions": a later registry: baseline
pairs with them) and the manifest beside it, and writes the stage event <model>#<stage>#<N>. A refusal writes
nothing (exit 1). Re-running the same promotion is a no-op; the same version with other artifacts is refused.
One version per commit, as GTO requires, unless the policy says registry: versions-per-commit: many. Racing
promotions: the one that creates the version tag wins; the others write nothing and say so.
Trustworthy results are those gate steps of the same job wrote on the promoted files (train, evaluate, bias,
validate, then promote): promote cannot tell who wrote a file, so never pass a result downloaded from a pull
request's run, restored from a cache or committed to the repository; their authors control them. Required checks
count only as check runs created by GitHub Actions for the expected workflow on the base branch (--repo).
--allow-ungated promotes without evidence or with required gates missing, and the version record says so.
--policy: the policy file whose registry: section decides (default modelgate.yml; none: no stage rules).`,
  run: (args) =>
    runGateCommand(args, {
      flags: FLAGS,
      booleanFlags: ["allow-missing-manifest", "allow-ungated"],
      readInputs: (get) => {
        const list = (name: string) => get(name).split(",").join("\n");
        const inputs = readPromoteInputs((name) =>
          name === "artifacts" || name === "results" || name === "require-checks" ? list(name) : get(name),
        );
        const allowUngated = get("allow-ungated") === "true";
        if (inputs.results.length === 0 && !allowUngated)
          throw new UsageError(
            "give --results (the gates' result JSONs that judged this model), or --allow-ungated to promote without evidence",
          );
        return {
          ...inputs,
          allowUngated,
          ref: get("ref") || "HEAD",
          actor: get("actor") || process.env.USER || "local",
          repo: get("repo") || undefined,
          repoDir: get("repo-dir") || ".",
          assetDir: get("asset-dir") || undefined,
        };
      },
      run: (inputs, access) =>
        runPromote(inputs, {
          access,
          async locate() {
            const base = await loadLocalRegistryPolicy(inputs.policy, access);
            const store = await openRegistry({ repo: inputs.repo, repoDir: inputs.repoDir, assetDir: inputs.assetDir });
            const commitSha = await store.resolveCommit(inputs.ref);
            if (!commitSha)
              throw new RegistryError(
                `--ref ${inputs.ref} names no commit in ${inputs.repo ?? inputs.repoDir}.`,
                `Pass a branch, tag or commit sha that exists.`,
                { input: "ref" },
              );
            return { store, commitSha, judged: { sha: commitSha, pull_number: null }, base };
          },
          readRequiredChecks: (specs, target) =>
            readCliRequiredChecks(specs, {
              repo: inputs.repo,
              commitSha: target.commitSha,
              allowUngated: inputs.allowUngated,
            }),
          actor: inputs.actor,
          runUrl: null,
          allowUngated: inputs.allowUngated,
        }),
    }),
};
