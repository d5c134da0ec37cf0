import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { sha256Hex } from "../data/digest.js";
import { DataError, InputError } from "../errors/modelgate-error.js";
import { promoteVersion } from "../registry/promote-version.js";
import { RegistryError } from "../registry/registry-error.js";
import type { Bump } from "../registry/semver.js";
import { sanitizeTerminalText } from "../report/escape-markdown.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { openRegistry } from "./open-registry.js";

export const promoteCommand: Command = {
  name: "promote",
  summary: "register a model version and assign it to a stage (local git registry)",
  usage: `Usage: modelgate promote --model NAME --stage STAGE (--version X.Y.Z | --bump major|minor|patch)
                         --artifacts FILE[,FILE…] [--ref REV] [--reason TEXT] [--actor NAME]
                         [--allow-missing-manifest | --manifest FILE] [--repo OWNER/NAME | --repo-dir DIR] [--asset-dir DIR]

Creates the annotated tag <model>@v<semver> on REV (default HEAD) with the version record, stores the
artifacts beside it, then the stage event <model>#<stage>#<N>. Re-running the same promotion is a no-op;
the same version with other artifacts is refused.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        model: { type: "string" }, stage: { type: "string" }, version: { type: "string" }, bump: { type: "string" },
        artifacts: { type: "string" }, ref: { type: "string", default: "HEAD" }, reason: { type: "string" }, actor: { type: "string" },
        manifest: { type: "string" }, "allow-missing-manifest": { type: "boolean", default: false },
        repo: { type: "string" }, "repo-dir": { type: "string", default: "." }, "asset-dir": { type: "string" },
      },
      strict: true,
    });
    if (!values.model || !values.stage || !values.artifacts) throw new UsageError("--model, --stage and --artifacts are required");
    if ((values.version === undefined) === (values.bump === undefined)) throw new UsageError("give exactly one of --version and --bump");
    if (values.bump !== undefined && !["major", "minor", "patch"].includes(values.bump)) throw new UsageError(`--bump is "${values.bump}"; allowed: major, minor, patch`);
    if (values.manifest === undefined && !values["allow-missing-manifest"]) {
      throw new InputError(`No lineage manifest was given.`, `Pass --manifest FILE (the lineage manifest of the training run), or --allow-missing-manifest to promote without one.`, { input: "manifest" });
    }
    const store = await openRegistry({ repo: values.repo, repoDir: values["repo-dir"], assetDir: values["asset-dir"] });
    const commitSha = await store.resolveCommit(values.ref);
    if (!commitSha) throw new RegistryError(`--ref ${values.ref} names no commit in ${values.repo ?? values["repo-dir"]}.`, `Pass a branch, tag or commit sha that exists.`, { input: "ref" });
    const artifacts = [];
    for (const file of values.artifacts.split(",").filter(Boolean)) artifacts.push({ name: path.basename(file), bytes: await readInput(file, "artifacts") });
    const manifestSha256 = values.manifest === undefined ? null : sha256Hex(await readInput(values.manifest, "manifest"));
    const outcome = await promoteVersion(store, {
      model: values.model,
      stage: values.stage,
      version: values.version !== undefined ? { explicit: values.version } : { bump: values.bump as Bump },
      commitSha,
      artifacts,
      manifestSha256,
      metrics: {},
      gates: [],
      actor: values.actor ?? process.env.USER ?? "local",
      reason: values.reason ?? null,
      runUrl: null,
      now: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    const what = outcome.eventCreated ? `promoted to ${values.stage} as ${outcome.event.tag}` : `already in ${values.stage} (${outcome.event.tag}); nothing written`;
    process.stdout.write(`${sanitizeTerminalText(values.model)} ${outcome.version.version} ${sanitizeTerminalText(what)}\n`);
    return EXIT.ok;
  },
};

async function readInput(file: string, input: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new DataError(`Cannot read ${file} (--${input}).`, `Check the path; it is read relative to the current directory.`, { input, file }, { cause });
  }
}
