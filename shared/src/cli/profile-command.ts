import { writeFileSync } from "node:fs";
import { parseCliArgs } from "./parse-cli-args.js";
import { readInputFile } from "../data/files/read-input-file.js";
import { parsePolicy } from "../policy/parse-policy.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import { loadProfileFile } from "../validate/profile/load-profile-file.js";
import { mergeProfiles } from "../validate/profile/merge-profiles.js";
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
    let profile;
    if (verb === "build") {
      if (files.length !== 1) throw new UsageError("profile build takes exactly one data file");
      const policy =
        values.policy === undefined
          ? undefined
          : parsePolicy((await readInputFile(values.policy, access, "policy")).text, values.policy);
      const limits = readLimitFlags(values.limit ?? [], policy?.limits);
      profile = (await profileFile(files[0]!, "FILE", { ...access, limits }, policy?.data)).profile;
    } else if (verb === "merge") {
      if (files.length < 2) throw new UsageError("profile merge takes two or more profiles");
      profile = mergeProfiles(await Promise.all(files.map((file) => loadProfileFile(file, access, "profile"))));
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
