import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";

const path = (
  when: string,
  argv: string[],
  names: Array<string | RegExp>,
  files: BadInput["files"] = {},
): BadInput => ({ kind: "paths", when, argv, files, exit: 1, names });
const evaluate = (candidate: string) => ["evaluate", "--candidate", candidate, "--format", "json"];

export const PATH_CASES: BadInput[] = [
  path("the candidate does not exist", evaluate("missing.json"), ['Input "candidate"', "missing.json does not exist"]),
  path("the candidate is a folder", evaluate("metrics"), ['Input "candidate"', "metrics"], { "metrics/a.json": "{}" }),
  path("the candidate's path has a newline", evaluate("c.json\n.json"), [
    'Input "candidate" contains a control character',
  ]),
  path("the candidate's path has a NUL byte", evaluate("c.json\u0000.json"), [
    'Input "candidate" contains a control character',
  ]),
  path("the candidate is /dev/null", evaluate("/dev/null"), ["/dev/null"]),
  path("the candidate is in a folder that does not exist", evaluate("no/such/folder/c.json"), [
    "no/such/folder/c.json does not exist",
  ]),
  path(
    "the baseline does not exist",
    ["evaluate", "--candidate", "c.json", "--baseline", "prod.json", "--format", "json"],
    ['Input "baseline"', "prod.json does not exist"],
  ),
  path(
    "the candidate predictions do not exist",
    ["evaluate", "--candidate-predictions", "missing.csv", "--format", "json"],
    ['Input "candidate-predictions"', "missing.csv does not exist"],
  ),
  path(
    "the candidate predictions are a folder",
    ["evaluate", "--candidate-predictions", "preds.d.csv", "--format", "json"],
    ["preds.d.csv", "is a folder, not a file"],
    { "preds.d.csv/a.csv": "x\n" },
  ),
  path(
    "the candidate predictions are a git: spec",
    ["evaluate", "--candidate-predictions", "git:HEAD:preds.csv", "--format", "json"],
    ["names a file at a git ref, but tables are read from files on disk"],
  ),
  path(
    "the evaluation data does not exist",
    ["evaluate", "--candidate", "c.json", "--eval-data", "holdout.csv", "--format", "json"],
    ['Input "eval-data"', "holdout.csv does not exist"],
  ),
  path(
    "the evaluation data is a folder",
    ["evaluate", "--candidate", "c.json", "--eval-data", "holdout.d", "--format", "json"],
    ['Input "eval-data"', "holdout.d is a folder, not a file"],
    { "holdout.d/a.csv": "x\n" },
  ),
  path(
    "the evaluation data is a git: spec",
    ["evaluate", "--candidate", "c.json", "--eval-data", "git:HEAD:holdout.csv", "--format", "json"],
    ['Input "eval-data"', "names a file at a git ref, but the evaluation data is digested from a file on disk"],
  ),
  path(
    "the candidate explanations do not exist",
    ["evaluate", "--candidate-predictions", "preds.csv", "--candidate-explanations", "shap.json", "--format", "json"],
    ["shap.json"],
  ),
  path(
    "the predictions for bias do not exist",
    ["bias", "--predictions", "missing.csv", "--format", "json"],
    ['Input "predictions"', "missing.csv does not exist"],
  ),
  path(
    "the production log does not exist",
    ["shadow", "--production", "missing.csv", "--shadow", "shadow.csv", "--format", "json"],
    ['Input "production"', "missing.csv does not exist"],
  ),
  path(
    "the shadow log is a folder",
    ["shadow", "--production", "prod.csv", "--shadow", "logs.jsonl", "--format", "json"],
    ['Input "shadow"', "is a folder, not a file"],
    { "logs.jsonl/a.csv": "x\n" },
  ),
  path(
    "the review queue goes into a file used as a folder",
    [
      "shadow",
      "--production",
      "prod.csv",
      "--shadow",
      "shadow.csv",
      "--review-queue",
      "c.json/queue.csv",
      "--format",
      "json",
    ],
    ["review-queue", "c.json/queue.csv"],
  ),
  path(
    "the reference does not exist",
    ["validate", "--data", "data.csv", "--reference", "missing.csv", "--format", "json"],
    ['Input "reference"', "missing.csv does not exist"],
  ),
  path("the data is /dev/null", ["validate", "--data", "/dev/null", "--format", "json"], ["/dev/null"]),
  path(
    "the profile to merge does not exist",
    ["profile", "merge", "a.profile.json", "b.profile.json"],
    ["a.profile.json"],
  ),
  path(
    "the profile to merge is not JSON",
    ["profile", "merge", "a.profile.json", "b.profile.json"],
    ["a.profile.json", "is not valid JSON"],
    { "a.profile.json": "{", "b.profile.json": "{" },
  ),
  path(
    "the file to infer a schema from does not exist",
    ["infer-schema", "missing.parquet"],
    ["missing.parquet", "does not exist"],
  ),
  path("the registry folder is not a git repository", ["registry", "list"], ["is not inside a git repository"]),
  path(
    "--repo-dir does not exist",
    ["registry", "list", "--repo-dir", "no-such-dir"],
    ["--repo-dir no-such-dir is not a folder"],
  ),
  path("--repo-dir is a file", ["registry", "list", "--repo-dir", "c.json"], ["--repo-dir c.json is not a folder"]),
  path(
    "the artifacts to promote do not exist",
    cmd.promote("--version", "1.0.0", "--artifacts", "model.pkl", "--allow-missing-manifest", "--allow-ungated"),
    ['Input "artifacts"', "model.pkl does not exist"],
  ),
  path(
    "the result to promote on does not exist",
    cmd.promote("--version", "1.0.0", "--artifacts", "c.json", "--allow-missing-manifest", "--results", "result.json"),
    ["result.json"],
  ),
  path(
    "the manifest to promote with does not exist",
    cmd.promote(
      "--version",
      "1.0.0",
      "--artifacts",
      "c.json",
      "--manifest",
      "modelgate.manifest.json",
      "--allow-ungated",
    ),
    ["modelgate.manifest.json"],
  ),
];
