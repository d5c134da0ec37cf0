import { parseArgs } from "node:util";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { runEvaluate } from "./run-evaluate.js";

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["fail", "warn", "never"] as const;

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "judge a candidate's metrics against a baseline under modelgate.yml (evaluate-gate)",
  usage: `Usage: modelgate evaluate --candidate FILE [--baseline FILE|git:REF:PATH] [options]

Judges the candidate's metrics against the baseline's under the evaluate: rules of the policy,
exactly as the evaluate-gate action does.

Options:
  --candidate FILE     candidate metrics (JSON or YAML; nested keys become dotted names)   required
  --baseline SPEC      baseline metrics: a file, or git:<ref>:<path> from this repository
  --policy FILE        policy file (default: modelgate.yml)
  --key KEY            report key (default: the policy's model)
  --format FORMAT      text (default) | markdown | json (the result JSON of the action)
  --fail-on LEVEL      fail (default) | warn | never: which verdict exits 1
  -h, --help           show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the gate cannot
decide (missing file, invalid policy ...), 2 on a usage error.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        candidate: { type: "string" },
        baseline: { type: "string" },
        policy: { type: "string", default: "modelgate.yml" },
        key: { type: "string" },
        format: { type: "string", default: "text" },
        "fail-on": { type: "string", default: "fail" },
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.candidate) throw new UsageError("--candidate is required.");
    const format = oneOf(values.format, FORMATS, "--format");
    const failOn = oneOf(values["fail-on"], FAIL_ON, "--fail-on");
    const result = await runEvaluate(
      { candidate: values.candidate, baseline: values.baseline, policy: values.policy, key: values.key },
      { workspace: process.cwd(), allowedRoots: [] },
    );
    const markdown = renderReportMarkdown(result);
    if (format === "json") process.stdout.write(toResultJson(result, markdown));
    else if (format === "markdown") process.stdout.write(markdown);
    else process.stdout.write(renderReportText(result));
    return blocksMerge(result.verdict, failOn) || "error" in result ? EXIT.fail : EXIT.ok;
  },
};

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} is "${value}"; allowed: ${allowed.join(", ")}.`);
}
