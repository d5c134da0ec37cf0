import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";

const registry = (
  when: string,
  argv: string[],
  names: Array<string | RegExp>,
  files: BadInput["files"] = {},
): BadInput => ({ kind: "registry", when, argv, files, git: true, exit: 1, names });
const promote = (...extra: string[]) => [
  "promote",
  "--stage",
  "prod",
  "--artifacts",
  "c.json",
  "--allow-missing-manifest",
  ...extra,
];

/** A hand-written "fail" result JSON without the fields a gate writes. */
const RESULT_FAIL = JSON.stringify({
  schema: "modelgate.result/v1",
  action: "evaluate-gate",
  key: "churn",
  verdict: "fail",
  checks: [],
  report_markdown: "",
});

export const REGISTRY_CASES: BadInput[] = [
  registry(
    "rollback names a model the registry does not hold",
    ["rollback", "--model", "churn", "--stage", "prod", "--reason", "x"],
    ["Model churn has no versions in the registry"],
  ),
  registry(
    "rollback names an invalid stage",
    ["rollback", "--model", "churn", "--stage", "prod stage", "--reason", "x"],
    ["prod stage"],
  ),
  {
    ...registry("rollback gives no reason", ["rollback", "--model", "churn", "--stage", "prod"], ["--reason"]),
    exit: 2,
  },
  registry(
    "promote names a model with spaces",
    promote("--model", "churn model", "--version", "1.0.0", "--allow-ungated"),
    ["churn model"],
  ),
  registry(
    "promote names a stage with a hash",
    promote("--model", "churn", "--stage", "prod#1", "--version", "1.0.0", "--allow-ungated").filter(
      (a, i, all) => !(a === "--stage" && all[i + 1] === "prod") && !(a === "prod" && all[i - 1] === "--stage"),
    ),
    ["prod#1"],
  ),
  registry("promote's version is not semver", promote("--model", "churn", "--version", "v1", "--allow-ungated"), [
    '"v1"',
  ]),
  registry(
    "promote's version has a leading zero",
    promote("--model", "churn", "--version", "01.0.0", "--allow-ungated"),
    ["01.0.0"],
  ),
  {
    ...registry(
      "promote gives both --version and --bump",
      promote("--model", "churn", "--version", "1.0.0", "--bump", "patch", "--allow-ungated"),
      ["--version", "--bump"],
    ),
    exit: 2,
  },
  registry(
    "promote's result file is not JSON",
    promote("--model", "churn", "--version", "1.0.0", "--results", "r.json"),
    ["r.json", "is not valid JSON"],
    { "r.json": "{" },
  ),
  registry(
    "promote's result is not a gate result",
    promote("--model", "churn", "--version", "1.0.0", "--results", "r.json"),
    ["r.json", "modelgate.result/v1"],
    { "r.json": '{"verdict": "pass"}' },
  ),
  registry(
    "promote's result failed",
    promote("--model", "churn", "--version", "1.0.0", "--results", "r.json"),
    ["Result r.json is inconsistent"],
    { "r.json": RESULT_FAIL },
  ),
  registry(
    "promote's --ref names no commit",
    promote("--model", "churn", "--version", "1.0.0", "--allow-ungated", "--ref", "no-such-branch"),
    ["--ref no-such-branch names no commit"],
  ),
  registry(
    "promote's artifact is a folder",
    cmd.promote("--version", "1.0.0", "--artifacts", "models", "--allow-missing-manifest", "--allow-ungated"),
    ["models"],
    { "models/a.bin": "x" },
  ),
  registry(
    "promote's manifest is not JSON",
    promote("--model", "churn", "--version", "1.0.0", "--allow-ungated", "--manifest", "m.json").filter(
      (a) => a !== "--allow-missing-manifest",
    ),
    ["m.json"],
    { "m.json": "not json" },
  ),
  registry("registry history names an invalid stage", ["registry", "history", "churn", "--stage", "a b"], ['"a b"']),
  registry("registry show names an invalid model", ["registry", "show", "Churn Model"], ['"Churn Model"']),
  registry("registry verify names an invalid model", ["registry", "verify", "../etc"], ['"../etc"']),
  registry("--repo is not OWNER/NAME", ["registry", "list", "--repo", "not a repo"], ["not a repo"]),
];
