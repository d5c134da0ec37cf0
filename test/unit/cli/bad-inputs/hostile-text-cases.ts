import type { BadInput } from "./bad-input.js";
import { HOSTILE } from "./bad-input.js";
import { cmd } from "./commands.js";
import { policyWith, predictionsCsv } from "./workspace-files.js";

/** HOSTILE on one line: CSV headers and flags cannot carry the newline, everything else does. */
const ONE_LINE = HOSTILE.replace("\n", " ");
const q = (text: string) => JSON.stringify(text);

const hostile = (
  when: string,
  argv: string[],
  files: BadInput["files"],
  names: Array<string | RegExp>,
  exit: 0 | 1 | 2 = 1,
): BadInput => ({ kind: "hostile text", when, argv, files, exit, names });

/** Names of a candidate file that does not exist, each aimed at one piece of markdown or HTML. */
const MISSING_CANDIDATE_NAMES = [
  ["is an HTML tag", "<img src=x onerror=alert(1)>.json"],
  ["is a markdown link", "[x](javascript:alert(1)).json"],
  ["mentions a user", "@octocat.json"],
  ["closes a fold", "</details>.json"],
] as const;

export const HOSTILE_TEXT_CASES: BadInput[] = [
  hostile(
    "a policy metric is named with markup and is missing",
    cmd.evaluate(),
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics:\n    ${q(HOSTILE)}: { direction: higher, min: 0.5 }`,
      ),
    },
    ["is missing from c.json"],
  ),
  hostile(
    "an unknown policy key is named with markup",
    cmd.evaluate(),
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5, ${q(HOSTILE)}: 1 }`,
      ),
    },
    ["has unknown key"],
  ),
  hostile(
    "the policy model is markup",
    cmd.evaluate(),
    {
      "modelgate.yml": `version: 1\nmodel: ${q(HOSTILE)}\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n`,
    },
    ["model (line 2)"],
  ),
  hostile("--key is markup", cmd.evaluate("--key", HOSTILE), {}, ["--key is"], 2),
  hostile("--key is markup on one line", cmd.evaluate("--key", ONE_LINE), {}, ["--key is"], 2),
  ...MISSING_CANDIDATE_NAMES.map(([what, file]) =>
    hostile(`the missing candidate's name ${what}`, ["evaluate", "--candidate", file, "--format", "json"], {}, [
      "does not exist",
    ]),
  ),
  hostile(
    "a metrics file key is markup and gated",
    cmd.evaluate(),
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics:\n    ${q(HOSTILE)}: { direction: higher, min: 0.5 }`,
      ),
      "c.json": JSON.stringify({ [HOSTILE]: "high" }),
    },
    ["is not a number"],
  ),
  hostile(
    "a metric's text value is markup",
    cmd.evaluate(),
    { "c.json": JSON.stringify({ accuracy: HOSTILE, f1: 0.8 }) },
    ["accuracy in c.json is not a number"],
  ),
  hostile(
    "the label column flag is markup",
    ["evaluate", "--candidate-predictions", "preds.csv", "--label-column", ONE_LINE, "--format", "json"],
    {},
    ["has no label column"],
  ),
  hostile("the sensitive column is markup", cmd.bias("--sensitive", ONE_LINE), {}, ["has no sensitive column"]),
  hostile("a shadow slice column is markup", cmd.shadow("--slice-columns", ONE_LINE.replace(/,/g, " ")), {}, [
    "has no slice column",
  ]),
  hostile(
    "an evaluate slice column is markup",
    ["evaluate", "--candidate-predictions", "preds.csv", "--format", "json"],
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n  slices:\n    - column: ${q(HOSTILE)}`,
      ),
    },
    ["has no slice column"],
  ),
  hostile(
    "a schema column is markup and missing",
    cmd.validate(),
    { "modelgate.yml": policyWith("data", `data:\n  columns: exact\n  schema:\n    ${q(HOSTILE)}: { type: integer }`) },
    ["is missing from data.csv"],
  ),
  hostile(
    "a data column header is markup and the schema is exact",
    cmd.validate(),
    {
      "modelgate.yml": policyWith("data", "data:\n  columns: exact\n  schema:\n    customer_id: { type: integer }"),
      "data.csv": `customer_id,${ONE_LINE.replace(/,/g, " ")}\n1,2\n`,
    },
    ["customer_id"],
  ),
  hostile(
    "a group of the sensitive column is markup and too small",
    cmd.bias(),
    { "preds.csv": predictionsCsv().replace(/,east,(\w+)\n/, `,${ONE_LINE.replace(/,/g, " ")},$1\n`) },
    ["fewer than 10 rows"],
    0,
  ),
  hostile(
    "a privileged group is markup",
    cmd.bias(),
    {
      "modelgate.yml": policyWith(
        "fairness",
        `fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  privileged: { region: ${q(HOSTILE)} }\n  metrics:\n    disparate_impact: { min: 0.8 }`,
      ),
    },
    ["fairness.privileged.region"],
  ),
  hostile(
    "a CSV cell of the label column is markup",
    ["evaluate", "--candidate-predictions", "p.csv", "--format", "json"],
    {
      "p.csv": predictionsCsv().replace(/\ne3,1,/, `\ne3,${ONE_LINE.replace(/,/g, " ")},`),
      "modelgate.yml": policyWith("evaluate", "evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }"),
    },
    ["label"],
  ),
  hostile("a YAML tag is markup", cmd.evaluate(), { "modelgate.yml": "version: 1\nmodel: !<script>x churn\n" }, [
    "modelgate.yml",
  ]),
  hostile(
    "a policy metric name is 5000 characters",
    cmd.evaluate(),
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics:\n    ${"m".repeat(5000)}: { direction: higher, min: 0.5 }`,
      ),
    },
    ["is not valid YAML at line 5", "at most 1024 chars"],
  ),
  hostile(
    "a flow-mapping metric name is 5000 characters and missing",
    cmd.evaluate(),
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics: { ${"m".repeat(5000)}: { direction: higher, min: 0.5 } }`,
      ),
    },
    ["is missing from c.json"],
  ),
  hostile(
    "a missing file's name holds ANSI escapes",
    ["evaluate", "--candidate", "\u001b[31mred\u001b[0m.json", "--format", "json"],
    {},
    ["does not exist"],
  ),
  hostile(
    "a metric name holds a right-to-left override",
    cmd.evaluate(),
    {
      "modelgate.yml": policyWith(
        "evaluate",
        `evaluate:\n  metrics:\n    "acc\u202Eycarucca": { direction: higher, min: 0.5 }`,
      ),
    },
    ["is missing from c.json"],
  ),
];
