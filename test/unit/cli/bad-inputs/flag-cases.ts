import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";

const usage = (when: string, argv: string[], names: Array<string | RegExp>): BadInput => ({
  kind: "flags",
  when,
  argv,
  exit: 2,
  names,
});

/** A flag that takes one value, given twice, for each command (node:util's parseArgs would keep the last). */
const TWICE: ReadonlyArray<readonly [string, string[]]> = [
  ["evaluate --candidate", ["evaluate", "--candidate", "c.json", "--candidate", "b.json"]],
  ["evaluate --baseline", ["evaluate", "--candidate", "c.json", "--baseline", "b.json", "--baseline=c.json"]],
  ["evaluate --policy", ["evaluate", "--candidate", "c.json", "--policy", "modelgate.yml", "--policy", "other.yml"]],
  ["evaluate --format", ["evaluate", "--candidate", "c.json", "--format", "json", "--format", "text"]],
  ["evaluate --fail-on", ["evaluate", "--candidate", "c.json", "--fail-on", "never", "--fail-on", "fail"]],
  ["bias --predictions", ["bias", "--predictions", "preds.csv", "--predictions", "base-preds.csv"]],
  ["bias --sensitive", ["bias", "--predictions", "preds.csv", "--sensitive", "region", "--sensitive", "plan"]],
  [
    "shadow --production",
    ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--production", "shadow.csv"],
  ],
  [
    "shadow --slice-columns",
    [
      "shadow",
      "--production",
      "prod.csv",
      "--shadow",
      "shadow.csv",
      "--slice-columns",
      "country",
      "--slice-columns",
      "plan",
    ],
  ],
  ["validate --data", ["validate", "--data", "data.csv", "--data", "ref.csv"]],
  ["validate --schema-only", ["validate", "--data", "data.csv", "--schema-only", "--schema-only"]],
  [
    "promote --model",
    [
      "promote",
      "--model",
      "churn",
      "--model",
      "churn-v2",
      "--stage",
      "prod",
      "--version",
      "1.0.0",
      "--artifacts",
      "c.json",
      "--allow-missing-manifest",
      "--allow-ungated",
    ],
  ],
  ["rollback --stage", ["rollback", "--model", "churn", "--stage", "prod", "--stage", "dev", "--reason", "x"]],
  ["registry --repo-dir", ["registry", "list", "--repo-dir", ".", "--repo-dir", ".."]],
  ["publish --run-id", ["publish", "--repo", "acme/models", "--run-id", "1", "--run-id", "2"]],
  ["publish --dry-run", ["publish", "--repo", "acme/models", "--run-id", "1", "--dry-run", "--dry-run"]],
  ["profile --output", ["profile", "build", "data.csv", "--output", "a.json", "--output", "b.json"]],
  ["train --seed", ["train", "--outputs", "out", "--seed", "1", "--seed", "2", "--", "node", "-e", "0"]],
  ["demo --format", ["demo", "--format", "text", "--format", "markdown"]],
];

export const FLAG_CASES: BadInput[] = [
  ...TWICE.map(([flag, argv]) =>
    usage(`${flag} is given twice`, argv, [
      `--${flag.split(" --")[1]} is given twice`,
      `Usage: modelgate ${flag.split(" ")[0]}`,
    ]),
  ),
  usage("the command is unknown", ["frobnicate"], ['unknown command "frobnicate"']),
  usage("no command is given", [], ["Usage: modelgate <command>"]),
  usage("evaluate gets an unknown flag", ["evaluate", "--candidat", "c.json"], ["--candidat"]),
  usage("evaluate gets a positional argument", ["evaluate", "c.json"], ["c.json"]),
  usage("evaluate's --candidate has no value", ["evaluate", "--candidate"], ["--candidate"]),
  usage(
    "evaluate gets neither --candidate nor --candidate-predictions",
    ["evaluate", "--baseline", "b.json"],
    ["--candidate and --candidate-predictions are both empty"],
  ),
  usage(
    "--format is xml",
    cmd
      .evaluate("--format", "xml")
      .filter(
        (_, i, all) =>
          !(all[i] === "--format" && all[i + 1] === "json") && !(all[i - 1] === "--format" && all[i] === "json"),
      ),
    ['--format is "xml"', "text, markdown, json"],
  ),
  usage(
    "--fail-on is sometimes",
    ["evaluate", "--candidate", "c.json", "--fail-on", "sometimes"],
    ['--fail-on is "sometimes"', "fail, warn, never"],
  ),
  usage("--threshold is 2", ["evaluate", "--candidate-predictions", "preds.csv", "--threshold", "2"], ["--threshold"]),
  usage(
    "--threshold is not a number",
    ["evaluate", "--candidate-predictions", "preds.csv", "--threshold", "half"],
    ["--threshold"],
  ),
  usage(
    "--task is ranking",
    ["evaluate", "--candidate-predictions", "preds.csv", "--task", "ranking"],
    ["--task", "classification, regression"],
  ),
  usage(
    "--show-examples is yes",
    ["evaluate", "--candidate-predictions", "preds.csv", "--show-examples", "yes"],
    ["--show-examples"],
  ),
  usage(
    "--baseline-predictions comes without --candidate-predictions",
    ["evaluate", "--candidate", "c.json", "--baseline-predictions", "base-preds.csv"],
    ["--baseline-predictions", "--candidate-predictions"],
  ),
  usage("bias gets no --predictions", ["bias", "--sensitive", "region"], ["--predictions"]),
  usage("bias --threshold is -1", ["bias", "--predictions", "preds.csv", "--threshold", "-1"], ["--threshold"]),
  usage(
    "shadow --duplicate-ids is newest",
    ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--duplicate-ids", "newest"],
    ["--duplicate-ids", "error, first, last"],
  ),
  usage(
    "shadow --examples is 0",
    ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--examples", "0"],
    ["--examples", "1 to 100"],
  ),
  usage(
    "shadow --review-margin is 2",
    ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--review-margin", "2"],
    ["--review-margin"],
  ),
  usage(
    "shadow --seed is -1",
    ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--seed", "-1"],
    ["--seed"],
  ),
  usage(
    "shadow --bootstrap-resamples is 5",
    ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--bootstrap-resamples", "5"],
    ["--bootstrap-resamples", "100 to 100000"],
  ),
  usage("shadow gets no --shadow", ["shadow", "--production", "prod.csv"], ["--shadow"]),
  usage("validate gets no --data", ["validate", "--reference", "ref.csv"], ["--data"]),
  usage(
    "validate's --schema-only is given a value",
    ["validate", "--data", "data.csv", "--schema-only=yes"],
    ["--schema-only"],
  ),
  {
    ...usage("registry gets no verb", ["registry"], ["registry needs a verb: list, show, history or verify"]),
    git: true,
  },
  {
    ...usage("registry gets an unknown verb", ["registry", "delete", "churn"], ['unknown registry verb "delete"']),
    git: true,
  },
  { ...usage("registry show gets no model", ["registry", "show"], ["registry show needs a model name"]), git: true },
  usage("registry list gets extra arguments", ["registry", "list", "a", "b"], ["unexpected arguments: b"]),
  usage(
    "--help is not the first flag but a value",
    ["evaluate", "--candidate", "c.json", "--fail-on", "--help=x"],
    ["--fail-on"],
  ),
  usage(
    "promote gets neither --results nor --allow-ungated",
    cmd.promote("--version", "1.0.0", "--artifacts", "c.json", "--allow-missing-manifest"),
    ["--results", "--allow-ungated"],
  ),
  usage(
    "promote --bump is huge",
    cmd.promote("--bump", "huge", "--artifacts", "c.json", "--allow-missing-manifest", "--allow-ungated"),
    ["--bump"],
  ),
  usage("profile gets no verb", ["profile"], ["profile needs a verb: build or merge"]),
  usage(
    "profile merge gets one profile",
    ["profile", "merge", "a.profile.json"],
    ["profile merge takes two or more profiles"],
  ),
  usage("infer-schema gets two files", ["infer-schema", "data.csv", "ref.csv"], ["Give exactly one data file."]),
  usage(
    "train gets no command after --",
    ["train", "--outputs", "out"],
    ["no command given: put the training command after --"],
  ),
  usage(
    "publish --repo is not OWNER/NAME",
    ["publish", "--repo", "acme", "--run-id", "1"],
    ['--repo is "acme"; give OWNER/NAME'],
  ),
  usage(
    "publish --format is yaml",
    ["publish", "--repo", "acme/models", "--run-id", "1", "--format", "yaml"],
    ['--format is "yaml"; allowed: markdown, json.'],
  ),
  usage("demo --format is html", ["demo", "--format", "html"], ["--format"]),
];
