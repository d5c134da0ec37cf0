import { runGateCommand } from "./run-gate-command.js";
import { readBiasInputs } from "../fairness/bias-inputs.js";
import type { Command } from "./commands.js";
import { runBias } from "./run-bias.js";

/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = [
  "predictions",
  "baseline-predictions",
  "sensitive",
  "policy",
  "policy-max-bytes",
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
  usage: `Usage: modelgate bias --predictions FILE [--baseline-predictions FILE] [--sensitive COL,COL] [options]

Computes fairlearn's group metrics per sensitive column (and their intersection) with bootstrap
intervals and judges them under the fairness: rules of the policy, exactly as the bias-check action
does (same inputs, same result).

Options:
  --predictions FILE            the candidate's predictions (CSV, TSV, JSONL, Parquet, optionally .gz)
  --baseline-predictions FILE   the production model's predictions of the same examples (or registry:<model>#<stage>)
  --sensitive COL[,COL]         group columns (default: the policy's fairness.sensitive)
  --label-column, --prediction-column, --score-column, --id-column NAME
                                column names (default label, prediction, score, id)
  --positive-label VALUE        the class the error rates are about (default 1)
  --favorable-label VALUE       the outcome good for the person (default: the positive label)
  --threshold P                 turns scores into predictions without a prediction column (default 0.5)
  --policy FILE                 policy file (default: modelgate.yml)
  --policy-max-bytes SIZE       refuse a larger policy file before parsing it (default 1MiB)
  --key KEY                     report key (default: the policy's model)
  --format FORMAT               text (default) | markdown | json (the result JSON of the action) | html (a preview page)
  --fail-on LEVEL               fail (default) | warn | never: which verdict exits 1
  -h, --help                    show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the check cannot
decide (missing file or column, invalid policy ...), 2 on a usage error.`,
  run: (args) => runGateCommand(args, { flags: INPUT_FLAGS, readInputs: readBiasInputs, run: runBias }),
};
