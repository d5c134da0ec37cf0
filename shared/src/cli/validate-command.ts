import { parseArgs } from "node:util";
import { InputError } from "../errors/modelgate-error.js";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import { readValidateInputs } from "../validate/validate-inputs.js";
import type { ValidateInputs } from "../validate/validate-inputs.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { runValidate } from "./run-validate.js";

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["fail", "warn", "never"] as const;

/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = ["data", "reference", "schema-only", "policy", "key"] as const;

export const validateCommand: Command = {
  name: "validate",
  summary: "check a data file's schema, quality and drift under modelgate.yml (validate-data)",
  usage: `Usage: modelgate validate --data FILE [--reference FILE] [options]

Checks the data file against the data: section of the policy (schema, quality) and, with a
reference, compares every shared column for drift, exactly as the validate-data action does.

Options:
  --data FILE            the data to validate (CSV, TSV, JSONL, Parquet; optionally .gz)
  --reference FILE       the reference data set drift is measured against (any supported format)
  --schema-only          skip drift even when --reference is given
  --policy FILE          policy file (default: modelgate.yml)
  --key KEY              report key (default: the policy's model)
  --format FORMAT        text (default) | markdown | json (the result JSON of the action)
  --fail-on LEVEL        fail (default) | warn | never: which verdict exits 1
  -h, --help             show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the check cannot
decide (missing file, invalid policy, unreadable data ...), 2 on a usage error.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        data: { type: "string" },
        reference: { type: "string" },
        "schema-only": { type: "boolean", default: false },
        policy: { type: "string" },
        key: { type: "string" },
        format: { type: "string", default: "text" },
        "fail-on": { type: "string", default: "fail" },
      },
      strict: true,
      allowPositionals: false,
    });
    const format = oneOf(String(values.format), FORMATS, "--format");
    const failOn = oneOf(String(values["fail-on"]), FAIL_ON, "--fail-on");
    const inputs = readCliInputs((name) => {
      const value = (values as Record<string, unknown>)[name];
      return typeof value === "string" ? value : value === true ? "true" : "";
    });
    const result = await runValidate(inputs, { workspace: process.cwd(), allowedRoots: [] });
    const markdown = renderReportMarkdown(result);
    if (format === "json") process.stdout.write(toResultJson(result, markdown));
    else if (format === "markdown") process.stdout.write(markdown);
    else process.stdout.write(renderReportText(result));
    return blocksMerge(result.verdict, failOn) || "error" in result ? EXIT.fail : EXIT.ok;
  },
};

function readCliInputs(getInput: (name: string) => string): ValidateInputs {
  try {
    return readValidateInputs(getInput);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const flags = new Set<string>(INPUT_FLAGS);
    const message = error.message.replace(/^Inputs? /, "").replace(/"([a-z]+(?:-[a-z]+)*)"/g, (quoted, name: string) => (flags.has(name) ? `--${name}` : quoted));
    throw new UsageError(message);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} is "${value}"; allowed: ${allowed.join(", ")}.`);
}
