import { parseArgs } from "node:util";
import { InputError } from "../errors/modelgate-error.js";
import { readEvaluateInputs } from "../gates/evaluate-inputs.js";
import type { EvaluateInputs } from "../gates/evaluate-inputs.js";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { runEvaluate } from "./run-evaluate.js";

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["fail", "warn", "never"] as const;

/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = [
  "candidate",
  "baseline",
  "policy",
  "key",
  "candidate-predictions",
  "baseline-predictions",
  "task",
  "label-column",
  "prediction-column",
  "score-column",
  "id-column",
  "positive-label",
  "threshold",
  "candidate-explanations",
  "baseline-explanations",
  "show-examples",
] as const;

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "judge a candidate's metrics against a baseline under modelgate.yml (evaluate-gate)",
  usage: `Usage: modelgate evaluate --candidate FILE [--baseline FILE|git:REF:PATH] [options]
       modelgate evaluate --candidate-predictions FILE [--baseline-predictions FILE] [options]

Judges the candidate's metrics against the baseline's under the evaluate: rules of the policy,
exactly as the evaluate-gate action does (same inputs, same result).

Options:
  --candidate FILE              candidate metrics (JSON or YAML; nested keys become dotted names)
  --baseline SPEC               baseline metrics: a file, or git:<ref>:<path> from this repository
  --candidate-predictions FILE  compute the candidate's metrics from predictions (CSV, TSV, JSONL,
                                Parquet, optionally .gz); one of --candidate and this is required
  --baseline-predictions FILE   the baseline's predictions, paired with the candidate's by id
  --task TASK                   classification (default) | regression
  --label-column, --prediction-column, --score-column, --id-column NAME
                                column names (default label, prediction, score, id)
  --positive-label VALUE        the positive class (default 1)
  --threshold P                 turns scores into predictions without a prediction column (default 0.5)
  --candidate-explanations FILE the candidate's explanations: JSON {"global", "local"} or a table of
                                per-example attributions (one column per feature, plus id-column)
  --baseline-explanations FILE  the baseline's explanations, compared with the candidate's
  --show-examples BOOL          true: list the largest-changed predictions (ids, outputs, top reasons)
  --policy FILE                 policy file (default: modelgate.yml)
  --key KEY                     report key (default: the policy's model)
  --format FORMAT               text (default) | markdown | json (the result JSON of the action)
  --fail-on LEVEL               fail (default) | warn | never: which verdict exits 1
  -h, --help                    show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the gate cannot
decide (missing file, invalid policy ...), 2 on a usage error.`,
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
    const result = await runEvaluate(inputs, { workspace: process.cwd(), allowedRoots: [] });
    const markdown = renderReportMarkdown(result);
    if (format === "json") process.stdout.write(toResultJson(result, markdown));
    else if (format === "markdown") process.stdout.write(markdown);
    else process.stdout.write(renderReportText(result));
    return blocksMerge(result.verdict, failOn) || "error" in result ? EXIT.fail : EXIT.ok;
  },
};

/** The action's input schema applied to flags; its refusals become usage errors phrased for a terminal. */
function readCliInputs(getInput: (name: string) => string): EvaluateInputs {
  try {
    return readEvaluateInputs(getInput);
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
