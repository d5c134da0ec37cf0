import { runGateCommand } from "./run-gate-command.js";
import { readEvaluateInputs } from "../evaluate/evaluate-inputs.js";
import type { Command } from "./commands.js";
import { runEvaluate } from "./run-evaluate.js";

/** The action's inputs the CLI takes as flags of the same names, parsed by the action's own schema. */
const INPUT_FLAGS = [
  "candidate",
  "baseline",
  "policy",
  "policy-max-bytes",
  "key",
  "candidate-predictions",
  "baseline-predictions",
  "eval-data",
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
  usage: `Usage: modelgate evaluate --candidate FILE [--baseline FILE|git:REF:PATH|registry:MODEL#STAGE] [options]
       modelgate evaluate --candidate-predictions FILE [--baseline-predictions FILE] [options]

Judges the candidate's metrics against the baseline's under the evaluate: rules of the policy,
exactly as the evaluate-gate action does (same inputs, same result).

Options:
  --candidate FILE              candidate metrics (JSON or YAML; nested keys become dotted names)
  --baseline SPEC               baseline metrics: a file, git:<ref>:<path> from this repository, or
                                registry:<model>#<stage>, the version that stage of this repository's
                                registry holds: its recorded metrics and, with --candidate-predictions,
                                its stored predictions (promoted with --predictions), paired by id. A rule
                                the version cannot feed fails (evaluate.on-missing-baseline: warn relaxes)
  --candidate-predictions FILE  compute the candidate's metrics from predictions (CSV, TSV, JSONL,
                                Parquet, optionally .gz); one of --candidate and this is required
  --baseline-predictions FILE   the baseline's predictions, paired with the candidate's by id
  --eval-data FILE              the evaluation data the metrics were computed on (e.g. data/test.csv):
                                its SHA-256 is recorded as the result's eval_data_sha256, so the model's
                                history (evaluate.history) compares versions evaluated on the same data.
                                Without it a metrics-only run records none (its history compares nothing)
                                and a predictions run records the digest of its examples' ids and labels
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
  --policy-max-bytes SIZE       refuse a larger policy file before parsing it (default 1MiB)
  --key KEY                     report key (default: the policy's model)
  --format FORMAT               text (default) | markdown | json (the result JSON of the action) | html (a preview page)
  --fail-on LEVEL               fail (default) | warn | never: which verdict exits 1
  -h, --help                    show this help

Exit status: 0 when the verdict does not fail under --fail-on, 1 when it does or the gate cannot
decide (missing file, invalid policy ...), 2 on a usage error.`,
  run: (args) => runGateCommand(args, { flags: INPUT_FLAGS, readInputs: readEvaluateInputs, run: runEvaluate }),
};
