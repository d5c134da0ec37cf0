import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";
import { policyWith, predictionsCsv } from "./workspace-files.js";

/**
 * Names Object.prototype already has. A lookup in a plain object finds them although no file holds them, and
 * `obj[name] = value` with `__proto__` replaces the object's prototype instead of adding a key: each must behave as
 * any other name, in every place a user names something.
 */
const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];

const evaluateJson = ["evaluate", "--candidate", "c.json", "--baseline", "b.json", "--format", "json"];
const metricRule = (name: string) => `    ${JSON.stringify(name)}: { direction: higher, min: 0.5 }`;

function casesFor(name: string): BadInput[] {
  const q = JSON.stringify(name);
  return [
    {
      kind: "prototype names",
      when: `a policy metric named ${name} is in neither metrics file, beside one that passes`,
      argv: evaluateJson,
      files: {
        "modelgate.yml": policyWith(
          "evaluate",
          `evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n${metricRule(name)}`,
        ),
      },
      exit: 1,
      names: [`${name}:min: The candidate's ${name} is missing from c.json`],
    },
    {
      kind: "prototype names",
      when: `the only policy metric is named ${name} and the candidate lacks it`,
      argv: evaluateJson,
      files: { "modelgate.yml": policyWith("evaluate", `evaluate:\n  metrics:\n${metricRule(name)}`) },
      exit: 1,
      names: [`The candidate's ${name} is missing from c.json`],
    },
    {
      kind: "prototype names",
      when: `a metric's value in the candidate is the text ${q}`,
      argv: evaluateJson,
      files: { "c.json": `{"accuracy": ${q}, "f1": 0.88}` },
      exit: 1,
      names: [`accuracy in c.json is not a number (${q})`],
    },
    {
      kind: "prototype names",
      when: `a metric named ${name} in the candidate is a text the policy gates`,
      argv: evaluateJson,
      files: {
        "modelgate.yml": policyWith("evaluate", `evaluate:\n  metrics:\n${metricRule(name)}`),
        "c.json": `{${q}: "high"}`,
      },
      exit: 1,
      names: [`${name} in c.json is not a number ("high")`],
    },
    {
      kind: "prototype names",
      when: `a significance rule names ${name}, which has no paired test`,
      argv: cmd.evaluatePredictions(),
      files: {
        "modelgate.yml": policyWith(
          "evaluate",
          `evaluate:\n  metrics:\n    ${q}: { direction: higher, max-regression: 0.01, significance: 0.05 }`,
        ),
      },
      exit: 1,
      names: [`asks for significance, but ${name} has no paired test`],
    },
    {
      kind: "prototype names",
      when: `the label column is named ${name} and the predictions lack it`,
      argv: ["evaluate", "--candidate-predictions", "preds.csv", "--label-column", name, "--format", "json"],
      exit: 1,
      names: [`preds.csv has no label column ${q}`],
    },
    {
      kind: "prototype names",
      when: `the sensitive column is named ${name} and the predictions lack it`,
      argv: ["bias", "--predictions", "preds.csv", "--sensitive", name, "--format", "json"],
      exit: 1,
      names: [`preds.csv has no sensitive column ${q}`],
    },
    {
      kind: "prototype names",
      when: `a shadow slice column is named ${name} and the production log lacks it`,
      argv: [
        "shadow",
        "--production",
        "prod.csv",
        "--shadow",
        "shadow.csv",
        "--slice-columns",
        name,
        "--format",
        "json",
      ],
      exit: 1,
      names: ["prod.csv", q],
    },
    {
      kind: "prototype names",
      when: `an evaluate slice is by a column named ${name} the predictions lack`,
      argv: ["evaluate", "--candidate-predictions", "preds.csv", "--format", "json"],
      files: {
        "modelgate.yml": policyWith(
          "evaluate",
          `evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n  slices:\n    - column: ${q}`,
        ),
      },
      exit: 1,
      names: ["preds.csv", q],
    },
    {
      kind: "prototype names",
      when: `the data schema declares a column named ${name} the data lacks (columns: exact)`,
      argv: ["validate", "--data", "data.csv", "--format", "json"],
      files: { "modelgate.yml": policyWith("data", `data:\n  columns: exact\n  schema:\n    ${q}: { type: integer }`) },
      exit: 1,
      names: [name],
    },
    {
      kind: "prototype names",
      when: `a privileged group is given for ${name}, which is not a sensitive column`,
      argv: ["bias", "--predictions", "preds.csv", "--format", "json"],
      files: {
        "modelgate.yml": policyWith(
          "fairness",
          `fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  privileged: { ${q}: north }\n  metrics:\n    disparate_impact: { min: 0.1 }`,
        ),
      },
      exit: 1,
      names: ["fairness.privileged", name],
    },
    {
      kind: "prototype names",
      when: `the privileged group of region is ${name}, which no row has`,
      argv: ["bias", "--predictions", "preds.csv", "--format", "json"],
      files: {
        "modelgate.yml": policyWith(
          "fairness",
          `fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  privileged: { region: ${q} }\n  metrics:\n    disparate_impact: { min: 0.1 }`,
        ),
      },
      exit: 1,
      names: ["fairness.privileged.region", name],
    },
    {
      kind: "prototype names",
      when: `a rollback names a model ${name} the registry does not hold`,
      argv: ["rollback", "--model", name, "--stage", "prod", "--reason", "latency"],
      git: true,
      exit: 1,
      names: [name],
    },
  ];
}

export const PROTOTYPE_NAME_CASES: BadInput[] = [
  ...PROTOTYPE_NAMES.flatMap(casesFor),
  {
    kind: "prototype names",
    when: "the sensitive column's groups are named after Object.prototype and all are too small to gate",
    argv: ["bias", "--predictions", "p.csv", "--format", "json"],
    files: {
      "p.csv": predictionsCsv()
        .replace(/,north,/g, ",__proto__,")
        .replace(/,south,/g, ",constructor,")
        .replace(/,east,/g, ",toString,"),
      "modelgate.yml": policyWith(
        "fairness",
        "fairness:\n  sensitive: [region]\n  min-group-size: 41\n  resamples: 0\n  metrics:\n    demographic_parity_ratio: { min: 0.1 }",
      ),
    },
    exit: 1,
    names: ["__proto__", "constructor", "toString"],
  },
];
