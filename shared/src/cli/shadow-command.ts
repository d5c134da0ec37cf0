import { runGateCommand } from "./run-gate-command.js";
import { readShadowInputs, ShadowInputShape } from "../shadow/shadow-inputs.js";
import { CommonInputShape } from "../core/parse-inputs.js";
import type { Command } from "./commands.js";
import { runShadow } from "./run-shadow.js";

const GITHUB_ONLY = new Set([
  "policy-source",
  "github-token",
  "comment",
  "comment-author",
  "fail-on",
  "result-path",
  "check-run",
]);
/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = [
  ...Object.keys(CommonInputShape).filter((name) => !GITHUB_ONLY.has(name)),
  ...Object.keys(ShadowInputShape).filter((name) => !(name in CommonInputShape)),
];

export const shadowCommand: Command = {
  name: "shadow",
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
  --policy-max-bytes SIZE           refuse a larger policy file before parsing it (default 1MiB)
  --key KEY                         report key (default the policy's model)
  --format FORMAT                   text (default) | markdown | json (the result JSON of the action) | html (a preview page)
  --fail-on LEVEL                   fail (default) | warn | never: which verdict exits 1

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the gate cannot
decide, 2 on a usage error.`,
  run: (args) => runGateCommand(args, { flags: INPUT_FLAGS, readInputs: readShadowInputs, run: runShadow }),
};
