import { parseArgs } from "node:util";
import { InputError } from "../errors/modelgate-error.js";
import { readShadowInputs, ShadowInputShape } from "../gates/shadow-inputs.js";
import type { ShadowInputs } from "../gates/shadow-inputs.js";
import { CommonInputShape } from "../gates/parse-inputs.js";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { runShadow } from "./run-shadow.js";

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["fail", "warn", "never"] as const;
const GITHUB_ONLY = new Set(["policy-source", "github-token", "comment", "comment-author", "fail-on", "result-path", "check-run"]);
/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = [...Object.keys(CommonInputShape).filter((name) => !GITHUB_ONLY.has(name)), ...Object.keys(ShadowInputShape).filter((name) => !(name in CommonInputShape))];

export const shadowCommand: Command = {
  name: "shadow",
  summary: "compare a shadow model's log with production's on the same requests (shadow-compare)",
  usage: `Usage: modelgate shadow --production FILE --shadow FILE [options]

Joins the production log and the shadow log of the same requests and judges the shadow under the
shadow: rules of the policy, exactly as the shadow-compare action does (same inputs, same result).

Options (the action's inputs):
  --production FILE, --shadow FILE  the two logs (CSV, TSV, JSONL, Parquet, optionally .gz)
  --join-key NAME                   request id column (default request_id)
  --prediction-column, --score-column, --latency-column, --timestamp-column NAME
                                    column names (default prediction, score, latency_ms, timestamp)
  --slice-columns A,B               production columns to break disagreement down by
  --labels FILE --label-column NAME delayed ground truth for accuracy and McNemar's test
  --shadow-explanations FILE        per-request attributions of the shadow (top reasons)
  --duplicate-ids POLICY            error (default) | first | last
  --review-queue FILE               write disagreeing and low-confidence requests for labelling
  --review-limit N, --review-margin D, --threshold P
  --show-examples true              include the largest disagreements (--example-columns, --examples N)
  --seed N, --bootstrap-resamples N latency bootstrap (default 0 and 1000)
  --policy FILE                     policy file (default modelgate.yml)
  --key KEY                         report key (default the policy's model)
  --format FORMAT                   text (default) | markdown | json (the result JSON of the action)
  --fail-on LEVEL                   fail (default) | warn | never: which verdict exits 1

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the gate cannot
decide, 2 on a usage error.`,
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
    const result = await runShadow(inputs, { workspace: process.cwd(), allowedRoots: [] });
    const markdown = renderReportMarkdown(result);
    if (format === "json") process.stdout.write(toResultJson(result, markdown));
    else if (format === "markdown") process.stdout.write(markdown);
    else process.stdout.write(renderReportText(result));
    return blocksMerge(result.verdict, failOn) || "error" in result ? EXIT.fail : EXIT.ok;
  },
};

/** The action's input schema applied to flags; its refusals become usage errors phrased for a terminal. */
function readCliInputs(getInput: (name: string) => string): ShadowInputs {
  try {
    return readShadowInputs(getInput);
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
