import { parseCliArgs } from "./parse-cli-args.js";
import { readDataTable } from "../validate/read-data-table.js";
import { inferSchema, renderSchemaYaml } from "../validate/infer-schema.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { LIMIT_FLAG_HELP, readLimitFlags } from "./limit-flags.js";

export const inferSchemaCommand: Command = {
  name: "infer-schema",
  usage: `Usage: modelgate infer-schema FILE [--limit NAME=VALUE]

Reads FILE (CSV, TSV, JSONL, Parquet; optionally .gz) and prints a data: section for modelgate.yml:
each column's type, nullability, observed min/max, allowed values of categories, unique identifiers.
Review it before use: observed bounds are often tighter than the real domain.

Options:
${LIMIT_FLAG_HELP}
  -h, --help           show this help`,
  async run(args) {
    const { values, positionals } = parseCliArgs({
      args,
      options: { limit: { type: "string", multiple: true } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new UsageError("Give exactly one data file.");
    const file = positionals[0]!;
    const limits = readLimitFlags(values.limit ?? []);
    const table = await readDataTable(file, "FILE", { workspace: process.cwd(), allowedRoots: [], limits }, undefined);
    process.stdout.write(renderSchemaYaml(inferSchema(table), file));
    return EXIT.ok;
  },
};
