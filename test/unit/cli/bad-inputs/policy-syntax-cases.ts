import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";
import { POLICY } from "./workspace-files.js";

/** Nested aliases, each level nine copies of the one before: a "billion laughs" document in a few lines. */
function aliasBomb(levels: number, shape: "list" | "map"): string {
  const names = "abcdefghij".slice(0, levels).split("");
  const lines = [
    shape === "list"
      ? "a: &a [x, x, x, x, x, x, x, x, x]"
      : "a: &a { k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x }",
  ];
  for (let i = 1; i < names.length; i++) {
    const refs = Array.from({ length: 9 }, (_, j) =>
      shape === "list" ? `*${names[i - 1]}` : `k${j + 1}: *${names[i - 1]}`,
    );
    lines.push(
      shape === "list"
        ? `${names[i]}: &${names[i]} [${refs.join(", ")}]`
        : `${names[i]}: &${names[i]} { ${refs.join(", ")} }`,
    );
  }
  return lines.join("\n");
}

const policy = (text: string) => ({ "modelgate.yml": text });
const syntax = (when: string, text: string, names: Array<string | RegExp>, argv = cmd.evaluate()): BadInput => ({
  kind: "policy syntax",
  when,
  argv,
  files: policy(text),
  exit: 1,
  names: ["modelgate.yml", ...names],
});

const BOMB_WHERE = [
  ["at the top level", (bomb: string) => `version: 1\n${bomb}\n`],
  ["under the registry section", (bomb: string) => `${POLICY}registry:\n  ${bomb.replace(/\n/g, "\n  ")}\n`],
  ["before version", (bomb: string) => `${bomb}\nversion: 1\n`],
] as const;

export const POLICY_SYNTAX_CASES: BadInput[] = [
  ...BOMB_WHERE.flatMap(([where, place]) =>
    (["list", "map"] as const).map((shape) =>
      syntax(`the policy is an alias bomb of ${shape}s ${where}`, place(aliasBomb(6, shape)), [
        /not valid YAML at line \d+: its aliases expand into more than 100 copies/,
      ]),
    ),
  ),
  ...(["evaluate", "bias", "shadow", "validate"] as const).map((command) =>
    syntax(
      `the policy is an alias bomb and the command is ${command}`,
      `version: 1\n${aliasBomb(7, "list")}\n`,
      ["line 3", "the first alias is *a"],
      cmd[command](),
    ),
  ),
  syntax("an alias names an anchor that does not exist", `version: 1\nevaluate:\n  metrics:\n    accuracy: *nope\n`, [
    "not valid YAML at line 4",
  ]),
  syntax("a flow list is never closed", `version: 1\nevaluate:\n  metrics: [accuracy\n`, ["not valid YAML at line"]),
  syntax("a quoted string is never closed", `version: 1\nmodel: "churn\nevaluate:\n  metrics: {}\n`, [
    "not valid YAML at line",
  ]),
  syntax("a key is indented with a tab", `version: 1\nevaluate:\n\tmetrics: {}\n`, ["not valid YAML at line 3"]),
  syntax(
    "the indentation of a mapping is inconsistent",
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.8 }\n   f1: { direction: higher, min: 0.1 }\n`,
    ["not valid YAML at line 5"],
  ),
  syntax("a top-level key appears twice", `${POLICY}version: 1\n`, ['a key appears twice in one mapping: "version"']),
  syntax(
    "a metric appears twice",
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.8 }\n    accuracy: { direction: higher, min: 0.1 }\n`,
    ['a key appears twice in one mapping: "accuracy"', "line 5"],
  ),
  syntax(
    "a rule appears twice in a flow mapping",
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.8, min: 0.1 }\n`,
    ['a key appears twice in one mapping: "min"'],
  ),
  syntax("the file holds two YAML documents", `${POLICY}---\nversion: 1\n`, ["not valid YAML at line"]),
  syntax(
    "a threshold is a !!binary value",
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: !!binary aGVsbG8= }\n`,
    ["line 4", "evaluate.metrics.accuracy.min is a !!binary value (bytes)"],
  ),
  syntax("the evaluate section is a !!binary value", `version: 1\nevaluate: !!binary aGVsbG8=\n`, [
    "line 2",
    "evaluate is a !!binary value (bytes)",
  ]),
  syntax("the whole policy is a !!binary value", `!!binary aGVsbG8=\n`, ["the document is a !!binary value (bytes)"]),
  syntax("the metrics are a !!set", `version: 1\nevaluate:\n  metrics: !!set { accuracy, f1 }\n`, [
    "line 3",
    "evaluate.metrics is a !!set",
  ]),
  syntax(
    "the metrics are an !!omap",
    `version: 1\nevaluate:\n  metrics: !!omap [ accuracy: { direction: higher, min: 0.8 } ]\n`,
    ["line 3", "evaluate.metrics is an !!omap"],
  ),
  syntax(
    "the fairness sensitive list is a !!set",
    `${POLICY.replace("sensitive: [region]", "sensitive: !!set { region }")}`,
    ["fairness.sensitive is a !!set"],
    cmd.bias(),
  ),
  syntax(
    "a threshold carries a CloudFormation tag",
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: !Ref MinAccuracy }\n`,
    ["line 4", "the tag !Ref is not one modelgate reads"],
  ),
  syntax(
    "a value carries a js/function tag",
    `version: 1\nmodel: !!js/function "function () {}"\nevaluate:\n  metrics: {}\n`,
    ["line 2", "is not one modelgate reads"],
  ),
  syntax(
    "the policy is JSON with a comma missing",
    `{"version": 1\n "evaluate": {"metrics": {"accuracy": {"direction": "higher", "min": 0.8}}}}`,
    ["not valid YAML at line 1"],
  ),
  syntax("the policy file is empty", "", ["modelgate.yml is empty"]),
  syntax("the policy file holds only comments", "# to do\n# later\n", ["modelgate.yml is empty"]),
  syntax("the policy is a list", "- version: 1\n", ["(top level)"]),
  syntax("the policy is a plain word", "evaluate\n", ["(top level)"]),
  syntax("the policy has no version", POLICY.replace("version: 1\n", ""), ["version"]),
  syntax("the policy is version 2", POLICY.replace("version: 1", "version: 2"), ["version (line 1)"]),
  syntax('the version is the text "1"', POLICY.replace("version: 1", 'version: "1"'), ["version (line 1)"]),
  syntax("a top-level key is misspelt (evalute)", POLICY.replace("evaluate:", "evalute:"), ['"evalute"']),
  syntax("the policy holds a NUL byte", `${POLICY}\u0000\n`, ["not valid YAML"]),
  {
    kind: "policy syntax",
    when: "the policy file is a folder",
    argv: cmd.evaluate("--policy", "policies"),
    files: { "policies/a.yml": POLICY },
    exit: 1,
    names: ["policies"],
  },
  {
    kind: "policy syntax",
    when: "the policy named by --policy does not exist",
    argv: cmd.evaluate("--policy", "gates/missing.yml"),
    exit: 1,
    names: ["gates/missing.yml does not exist"],
  },
  syntax("the policy has no evaluate section and the command is evaluate", "version: 1\nmodel: churn\n", [
    "modelgate.yml has no evaluate: section",
  ]),
  syntax(
    "the policy has no fairness section and the command is bias",
    "version: 1\nmodel: churn\n",
    ["modelgate.yml has no fairness: section"],
    cmd.bias("--sensitive", "region"),
  ),
  syntax(
    "the policy has no shadow section and the command is shadow",
    "version: 1\nmodel: churn\n",
    ["shadow"],
    cmd.shadow(),
  ),
  syntax("the policy's model has a space", POLICY.replace("model: churn", "model: churn model"), ["model (line 2)"]),
];
