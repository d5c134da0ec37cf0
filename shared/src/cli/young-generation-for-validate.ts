import { keepYoungGenerationSmallForFiles } from "../use-cases/young-generation.js";

// Imported first by the CLI's entry, so it runs before the other modules load; other commands keep V8's defaults.
if (process.argv[2] === "validate") {
  const args = process.argv.slice(3);
  keepYoungGenerationSmallForFiles([flagValue(args, "--data"), flagValue(args, "--reference")], process.cwd());
}

/** A flag's value as `--name value` or `--name=value` (the command's own parser reports a malformed line). */
function flagValue(args: readonly string[], flag: string): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === "--") return undefined;
    if (arg === flag) return args[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
