import { runGateCommand } from "./run-gate-command.js";
import { readValidateInputs } from "../validate/validate-inputs.js";
import type { Command } from "./commands.js";
import { runValidate } from "./run-validate.js";

export const validateCommand: Command = {
  name: "validate",
  usage: `Usage: modelgate validate --data FILE [--reference FILE] [options]

Checks the data file against the data: section of the policy (schema, quality) and, with a
reference, compares every shared column for drift, exactly as the validate-data action does.

Options:
  --data FILE            the data to validate (CSV, TSV, JSONL, Parquet; optionally .gz)
  --reference FILE       the reference data set drift is measured against (any supported format)
  --schema-only          skip drift even when --reference is given
  --policy FILE          policy file (default: modelgate.yml)
  --policy-max-bytes SIZE  refuse a larger policy file before parsing it (default 1MiB)
  --key KEY              report key (default: the policy's model)
  --format FORMAT        text (default) | markdown | json (the result JSON of the action) | html (a preview page)
  --fail-on LEVEL        fail (default) | warn | never: which verdict exits 1
  -h, --help             show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the check cannot
decide (missing file, invalid policy, unreadable data ...), 2 on a usage error.`,
  run: (args) =>
    runGateCommand(args, {
      flags: ["data", "reference", "policy", "policy-max-bytes", "key"],
      booleanFlags: ["schema-only"],
      readInputs: readValidateInputs,
      run: runValidate,
    }),
};
