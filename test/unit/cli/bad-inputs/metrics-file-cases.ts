import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";

const candidate = (
  when: string,
  text: string | Uint8Array,
  exit: 0 | 1,
  names: Array<string | RegExp>,
  file = "c.json",
): BadInput => ({
  kind: "metrics files",
  when,
  argv: ["evaluate", "--candidate", file, "--baseline", "b.json", "--format", "json"],
  files: { [file]: text },
  exit,
  names: [file, ...names],
});

const baseline = (when: string, text: string, exit: 0 | 1, names: Array<string | RegExp>): BadInput => ({
  kind: "metrics files",
  when,
  argv: cmd.evaluate(),
  files: { "b.json": text },
  exit,
  names: ["b.json", ...names],
});

/** A baseline named by a `git:` or `registry:` spec, in a git repository unless `git` is false. */
const baselineSpec = (when: string, spec: string, names: Array<string | RegExp>, git = true): BadInput => ({
  kind: "metrics files",
  when,
  argv: cmd.evaluate().map((arg) => (arg === "b.json" ? spec : arg)),
  ...(git && { git }),
  exit: 1,
  names,
});

export const METRICS_FILE_CASES: BadInput[] = [
  candidate("the candidate file is empty", "", 1, ["c.json is empty"]),
  candidate("the candidate holds only whitespace", "  \n\n", 1, ["c.json"]),
  candidate("the candidate is not JSON", "accuracy = 0.9\n", 1, ["is not valid JSON"]),
  candidate("the candidate misses a comma", '{"accuracy": 0.91\n "f1": 0.88}', 1, ["is not valid JSON at line 2"]),
  candidate("the candidate has a trailing comma", '{"accuracy": 0.91, "f1": 0.88,}', 1, ["is not valid JSON"]),
  candidate("the candidate is cut off", '{"accuracy": 0.91, "f1": 0.', 1, ["is not valid JSON"]),
  candidate("the candidate is a list", "[0.91, 0.88]", 1, [
    "must hold a mapping of metric names to values, not a list",
  ]),
  candidate("the candidate is a number", "0.91", 1, ["must hold a mapping of metric names to values, not number"]),
  candidate("the candidate is null", "null", 1, ["must hold a mapping"]),
  candidate("the candidate is the text true", "true", 1, ["must hold a mapping"]),
  candidate("a gated metric is missing", '{"f1": 0.88}', 1, ["accuracy is missing from c.json"]),
  candidate("a gated metric is a string", '{"accuracy": "0.91 (approx)", "f1": 0.88}', 1, [
    "accuracy in c.json is not a number",
  ]),
  candidate("a gated metric is null", '{"accuracy": null, "f1": 0.88}', 1, [
    "accuracy in c.json is not a number (null)",
  ]),
  candidate("a gated metric is true", '{"accuracy": true, "f1": 0.88}', 1, [
    "accuracy in c.json is not a number (true)",
  ]),
  candidate("a gated metric is a list", '{"accuracy": [0.9, 0.92], "f1": 0.88}', 1, [
    "accuracy is missing from c.json",
  ]),
  candidate("a gated metric is an object", '{"accuracy": {"mean": 0.9}, "f1": 0.88}', 1, [
    "accuracy is missing from c.json",
  ]),
  candidate("a gated metric is a bare NaN", '{"accuracy": NaN, "f1": 0.88}', 1, [
    "accuracy in c.json is not finite (NaN)",
  ]),
  candidate('a gated metric is the text "NaN"', '{"accuracy": "NaN", "f1": 0.88}', 1, [
    "accuracy in c.json is not finite (NaN)",
  ]),
  candidate("a gated metric is Infinity", '{"accuracy": Infinity, "f1": 0.88}', 1, [
    "accuracy in c.json is not finite",
  ]),
  candidate("a gated metric is -Infinity", '{"accuracy": -Infinity, "f1": 0.88}', 1, [
    "accuracy in c.json is not finite",
  ]),
  candidate("a gated metric is 1e400", '{"accuracy": 1e400, "f1": 0.88}', 1, ["accuracy in c.json is not finite"]),
  candidate(
    "a YAML metric is .nan",
    "accuracy: .nan\nf1: 0.88\n",
    1,
    ["accuracy in c.yaml is not finite (NaN)"],
    "c.yaml",
  ),
  candidate("a YAML metric is .inf", "accuracy: .inf\nf1: 0.88\n", 1, ["accuracy in c.yaml is not finite"], "c.yaml"),
  candidate(
    "a YAML metrics file is an alias bomb",
    `accuracy: 0.9\nf1: 0.8\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    1,
    ["is not valid YAML at line 4", "aliases expand into more than 100 copies"],
    "c.yaml",
  ),
  candidate(
    "a YAML metric is !!binary",
    "accuracy: !!binary aGVsbG8=\nf1: 0.88\n",
    1,
    ["is not valid YAML at line 1", "accuracy is a !!binary value (bytes)"],
    "c.yaml",
  ),
  candidate(
    "a YAML metric carries an unknown tag",
    "accuracy: !metric 0.9\nf1: 0.88\n",
    1,
    ["is not valid YAML at line 1", "the tag !metric is not one modelgate reads"],
    "c.yaml",
  ),
  candidate(
    "a YAML metrics file is not valid YAML",
    "accuracy: [0.9\nf1: 0.88\n",
    1,
    ["is not valid YAML at line"],
    "c.yaml",
  ),
  candidate("a key appears twice", '{"accuracy": 0.5, "f1": 0.88, "accuracy": 0.95}', 1, [
    'a key appears twice in one mapping: "accuracy"',
  ]),
  candidate("two entries flatten to the same name", '{"a.b": 1, "a": {"b": 2}, "accuracy": 0.9, "f1": 0.8}', 1, [
    'the same metric name "a.b"',
  ]),
  candidate(
    "the candidate has the extension .csv",
    "metric,value\naccuracy,0.9\n",
    1,
    ['has extension ".csv"', ".json, .yaml or .yml"],
    "c.csv",
  ),
  candidate("the candidate has no extension", '{"accuracy": 0.9}', 1, ['has extension "(none)"'], "metrics"),
  candidate("the candidate is binary junk", new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01]), 1, [
    "is not valid JSON",
  ]),
  candidate(
    "the candidate starts with a UTF-16 byte order mark",
    new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    1,
    ["c.json"],
  ),
  baseline("the baseline is not JSON", "{accuracy: }", 1, ["is not valid JSON"]),
  baseline("the baseline is empty", "", 1, ["b.json is empty"]),
  baseline("the baseline lacks a metric a baseline rule needs", '{"f1": 0.87}', 0, [
    "accuracy:max-regression: The baseline's accuracy is missing from b.json, so this rule is not applied.",
  ]),
  baseline("the baseline's metric is not finite", '{"accuracy": NaN, "f1": 0.87}', 0, [
    "accuracy:max-regression: The baseline's accuracy in b.json is not finite (NaN), so this rule is not applied.",
  ]),
  baseline("the baseline's metric is a string", '{"accuracy": "n/a", "f1": 0.87}', 0, [
    "accuracy:max-regression: The baseline's accuracy in b.json is not a number",
  ]),
  baselineSpec("the baseline is a git: spec outside a git repository", "git:HEAD:b.json", ["git:HEAD:b.json"], false),
  baselineSpec("the baseline's git ref does not exist", "git:no-such-branch:b.json", [
    "cannot read b.json at git ref no-such-branch",
  ]),
  baselineSpec("the baseline's git path does not exist at the ref", "git:HEAD:metrics/missing.json", [
    "metrics/missing.json",
    "HEAD",
  ]),
  baselineSpec("the baseline's git ref is an option", "git:--upload-pack=x:b.json", [
    'Input "baseline" is "git:--upload-pack=x:b.json", which is not a valid git:<ref>:<path> spec',
  ]),
  baselineSpec("the baseline is a registry: spec without a stage", "registry:churn", ["registry:churn"]),
  baselineSpec("the baseline names a registry stage that holds no version", "registry:churn#prod", ["churn", "prod"]),
];
