import { writeFileSync } from "node:fs";
import { parseCliArgs } from "./parse-cli-args.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { Policy } from "../policy/policy-schema.js";
import type { Profile } from "../validate/profile/profile-schema.js";
import { profileFile } from "../use-cases/profile-file.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { LIMIT_FLAG_HELP, readLimitFlags } from "./limit-flags.js";

export const profileCommand: Command = {
  name: "profile",
  usage: `Usage: modelgate profile build FILE [--policy modelgate.yml] [--limit NAME=VALUE] [--output F.profile.json]
       modelgate profile merge A.profile.json B.profile.json … [--output MERGED.profile.json]

build profiles a data file (CSV, TSV, JSONL, Parquet; optionally .gz) as validate-data does (its profile
output): per column counts, exact value counts, min, max, moments and a quantile sketch with 0.5% relative
accuracy. merge combines the profiles of shards of one data set; the result is the same whatever the order,
and a shard given twice is refused. Then judge drift on the whole:
  modelgate validate --data MERGED.profile.json --reference reference.profile.json   (or the reference file)
Without --output the profile is printed. build streams the file into the profile, holding no row, so
it is not bounded by the rows limit; the policy's other limits: (or the defaults) apply;
a CSV, TSV or Parquet file of 8 MiB or more is read in two halves at once (a worker thread reads the second),
split by its bytes alone, so the same file gives the same profile on any machine; the halves' moments combine
by Chan's formulas, so a mean's last bits can differ from validate-data's profile output of the same file;
${LIMIT_FLAG_HELP}`,
  async run(args) {
    const { values, positionals } = parseCliArgs({
      args,
      options: { output: { type: "string" }, policy: { type: "string" }, limit: { type: "string", multiple: true } },
      strict: true,
      allowPositionals: true,
    });
    const [verb, ...files] = positionals;
    const access = { workspace: process.cwd(), allowedRoots: [] };
    let profile: Profile;
    if (verb === "build") {
      if (files.length !== 1) throw new UsageError("profile build takes exactly one data file");
      const policy = values.policy === undefined ? undefined : await readPolicy(values.policy, access);
      const limits = readLimitFlags(values.limit ?? [], policy?.limits);
      profile = (await profileFile(files[0]!, "FILE", { ...access, limits }, policy?.data)).profile;
    } else if (verb === "merge") {
      if (files.length < 2) throw new UsageError("profile merge takes two or more profiles");
      profile = await mergeProfileFiles(files, access);
    } else {
      throw new UsageError(
        verb === undefined ? "profile needs a verb: build or merge" : `unknown profile verb "${verb}"`,
      );
    }
    const json = toCanonicalJson(profile);
    if (values.output === undefined) process.stdout.write(json);
    else {
      writeFileSync(values.output, json);
      process.stdout.write(
        `wrote ${values.output}: ${profile.rows} rows, ${profile.shards.length} shard${profile.shards.length === 1 ? "" : "s"}, ${profile.columns.length} columns\n`,
      );
    }
    return EXIT.ok;
  },
};

// The policy's and the profile's readers (yaml, zod and their schemas, about 280 KB of chunks) are loaded only by the
// runs that read one: a build without --policy reads neither, and compiling and running them held back its first read.

/** The policy file given with --policy, read and checked. */
async function readPolicy(file: string, access: FileAccess): Promise<Policy> {
  const [{ readInputFile }, { parsePolicy }] = await Promise.all([
    import("../data/files/read-input-file.js"),
    import("../policy/parse-policy.js"),
  ]);
  return parsePolicy((await readInputFile(file, access, "policy")).text, file);
}

/** The merge of the profiles in `files`, each read and checked. */
async function mergeProfileFiles(files: readonly string[], access: FileAccess): Promise<Profile> {
  const [{ loadProfileFile }, { mergeProfiles }] = await Promise.all([
    import("../validate/profile/load-profile-file.js"),
    import("../validate/profile/merge-profiles.js"),
  ]);
  return mergeProfiles(await Promise.all(files.map((file) => loadProfileFile(file, access, "profile"))));
}
