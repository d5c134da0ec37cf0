import { parseArgs } from "node:util";
import { InputError } from "../errors/modelgate-error.js";
import { readBiasInputs } from "../gates/bias-inputs.js";
import type { BiasInputs } from "../gates/bias-inputs.js";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { runBias } from "./run-bias.js";

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["fail", "warn", "never"] as const;

/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = [
  "predictions",
  "baseline-predictions",
  "sensitive",
  "policy",
  "key",
  "label-column",
  "prediction-column",
  "score-column",
  "id-column",
  "positive-label",
  "threshold",
  "favorable-label",
] as const;

export const biasCommand: Command = {
  name: "bias",
  summary: "judge a candidate's fairness per group under modelgate.yml (bias-check)",
  usage: `Usage: modelgate bias --predictions FILE [--baseline-predictions FILE] [--sensitive COL,COL] [options]

Computes fairlearn's group metrics per sensitive column (and their intersection) with bootstrap
intervals and judges them under the fairness: rules of the policy, exactly as the bias-check action
does (same inputs, same result).

Options:
  --predictions FILE            the candidate's predictions (CSV, TSV, JSONL, Parquet, optionally .gz)
  --baseline-predictions FILE   the production model's predictions of the same examples
  --sensitive COL[,COL]         group columns (default: the policy's fairness.sensitive)
  --label-column, --prediction-column, --score-column, --id-column NAME
                                column names (default label, prediction, score, id)
  --positive-label VALUE        the class the error rates are about (default 1)
  --favorable-label VALUE       the outcome good for the person (default: the positive label)
  --threshold P                 turns scores into predictions without a prediction column (default 0.5)
  --policy FILE                 policy file (default: modelgate.yml)
  --key KEY                     report key (default: the policy's model)
  --format FORMAT               text (default) | markdown | json (the result JSON of the action)
  --fail-on LEVEL               fail (default) | warn | never: which verdict exits 1
  -h, --help                    show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the check cannot
decide (missing file or column, invalid policy ...), 2 on a usage error.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        ...Object.fromEntries(INPUT_FLAGS.map((flag) => [flag, { type: "string" as const }])),
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
      return typeof value === "string" ? value : "";
    });
    const result = await runBias(inputs, { workspace: process.cwd(), allowedRoots: [] });
    const markdown = renderReportMarkdown(result);
    if (format === "json") process.stdout.write(toResultJson(result, markdown));
    else if (format === "markdown") process.stdout.write(markdown);
    else process.stdout.write(renderReportText(result));
    return blocksMerge(result.verdict, failOn) || "error" in result ? EXIT.fail : EXIT.ok;
  },
};

/** The action's input schema applied to flags; its refusals become usage errors phrased for a terminal. */
function readCliInputs(getInput: (name: string) => string): BiasInputs {
  try {
    return readBiasInputs(getInput);
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
