import { parseCliArgs } from "./parse-cli-args.js";
import { listModels } from "../registry/list-models.js";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { requireRegistryName } from "../registry/registry-names.js";
import { registryHistory } from "../registry/registry-history.js";
import { readRegistryPolicy } from "../policy/read-registry-policy.js";
import { verifyRegistry } from "../registry/verify-registry.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import { renderHistoryText, renderRegistryShowText } from "../report/render-registry-text.js";
import { renderRegistryVerifyText } from "../report/render-registry-verify.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { openRegistry } from "./open-registry.js";
import { oneOf } from "./run-gate-command.js";
import { DEFAULT_HISTORY_WINDOW, toRegistryShow } from "../registry/version-page.js";
import type { ModelRegistry } from "../registry/model-registry.js";
import { RegistryError } from "../registry/registry-error.js";

/** No tag of the model at all, trusted or not: showing it would print an empty page as if it were a real model. */
function isEmptyRegistry(registry: ModelRegistry): boolean {
  return (
    registry.versions.length === 0 &&
    registry.foreignVersions.length === 0 &&
    registry.events.length === 0 &&
    registry.problems.length === 0 &&
    registry.deregistered.length === 0
  );
}

export const registryCommand: Command = {
  name: "registry",
  usage: `Usage: modelgate registry list
       modelgate registry show <model> [--versions N] [--format text|json]
       modelgate registry history <model> [--stage STAGE]
       modelgate registry verify [<model>] [--policy FILE] [--format text|json]
Options: --repo OWNER/NAME (through the GitHub API; token from GITHUB_TOKEN) or --repo-dir DIR (default: the
         current directory) --asset-dir DIR

Reads the registry's GTO-compatible tags (<model>@v<semver>, <model>#<stage>#<N>) in a local git
repository. show prints each version's page, newest first: the stages it holds, who promoted it and why (its
stage events), the gates that judged it with their verdicts, its metrics, and its files with their sha256
(--format json: modelgate.registry-show/v1); versions and events written outside modelgate (GTO) are shown with
no gate evidence. Then each stage's history: every metric evaluate-gate judged, over the last N (--versions, default
5) versions that held the stage and were evaluated on the same data as its latest holder, with their median and a
sparkline; versions evaluated on other data (or with no digest of it recorded) are listed apart with the reason. verify checks each model's event chain, every stored artifact against the sha256 and size in
its version record (missing, changed, or stored under no record), tags written outside modelgate (allowed by
registry: allow-foreign-tags: true), commits with several versions (allowed by registry: versions-per-commit:
many), stages GTO would name differently, and promotions that stopped half-way; each finding names the version
and file and prints its fix. Exit 1 on any finding. The policy (default modelgate.yml) is optional.`,
  async run(args) {
    const { values, positionals } = parseCliArgs({
      args,
      options: {
        repo: { type: "string" },
        "repo-dir": { type: "string", default: "." },
        "asset-dir": { type: "string" },
        stage: { type: "string" },
        policy: { type: "string", default: "modelgate.yml" },
        format: { type: "string", default: "text" },
        versions: { type: "string", default: String(DEFAULT_HISTORY_WINDOW) },
      },
      allowPositionals: true,
      strict: true,
    });
    const [verb, model, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
    const format = oneOf(String(values.format), ["text", "json"] as const, "--format");
    if (format === "json" && verb !== "show" && verb !== "verify")
      throw new UsageError("--format json is for registry show and registry verify");
    const store = await openRegistry({ repo: values.repo, repoDir: values["repo-dir"], assetDir: values["asset-dir"] });
    switch (verb) {
      case "list": {
        const models = await listModels(store);
        process.stdout.write(models.length === 0 ? "no models in the registry\n" : `${models.join("\n")}\n`);
        return EXIT.ok;
      }
      case "show":
      case "history": {
        if (model === undefined) throw new UsageError(`registry ${verb} needs a model name`);
        const registry = await readModelRegistry(store, requireRegistryName(model, "model"));
        const stage = values.stage === undefined ? undefined : requireRegistryName(values.stage, "stage");
        if (isEmptyRegistry(registry)) {
          const known = await listModels(store);
          throw new RegistryError(
            `The registry has no model "${model}": no version or stage tag of it exists.`,
            known.length === 0
              ? "Promote a version first (modelgate promote), or point --repo-dir/--repo at the repository that holds the registry."
              : `Models in this registry: ${known.join(", ")}. Check the spelling (names are case-sensitive).`,
            { input: "model" },
          );
        }
        if (verb === "show") {
          const window = Number(values.versions);
          if (!Number.isInteger(window) || window < 1 || window > 100)
            throw new UsageError(`--versions must be a whole number from 1 to 100, not "${values.versions}"`);
          const show = toRegistryShow(registry, window);
          process.stdout.write(format === "json" ? toCanonicalJson(show) : renderRegistryShowText(show));
        } else process.stdout.write(renderHistoryText(model, registryHistory(registry, stage)));
        return EXIT.ok;
      }
      case "verify": {
        const policy = await readRegistryPolicy(values.policy, { workspace: process.cwd(), allowedRoots: [] });
        const report = await verifyRegistry(store, {
          ...(model === undefined ? {} : { model: requireRegistryName(model, "model") }),
          allowForeignTags: policy.allowForeignTags,
          versionsPerCommit: policy.versionsPerCommit,
          now: new Date(),
        });
        process.stdout.write(format === "json" ? toCanonicalJson(report) : renderRegistryVerifyText(report));
        return report.ok ? EXIT.ok : EXIT.fail;
      }
      default:
        throw new UsageError(
          verb === undefined
            ? "registry needs a verb: list, show, history or verify"
            : `unknown registry verb "${verb}"`,
        );
    }
  },
};
