import type { BadInput } from "./bad-input.js";
import { cmd, SECTION_COMMAND } from "./commands.js";
import { policyWith } from "./workspace-files.js";

type Section = keyof typeof SECTION_COMMAND;

/** `name` with its "(line N)" matching any line: where a section lands in the policy moves its lines. */
const anyLine = (name: string | RegExp) =>
  typeof name === "string" && /\(line \d+\)/.test(name)
    ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\(line \d+\\\)/, "\\(line \\d+\\)"))
    : name;

/** A policy whose `section` is `yaml`; the case runs the command that reads that section. */
const value = (section: Section, when: string, yaml: string, names: Array<string | RegExp>): BadInput => ({
  kind: "policy values",
  when,
  argv: SECTION_COMMAND[section](),
  files: { "modelgate.yml": policyWith(section, yaml) },
  exit: 1,
  names: ["modelgate.yml", ...names.map(anyLine)],
});

const evaluateMetric = (rules: string) => `evaluate:\n  metrics:\n    accuracy: { direction: higher, ${rules} }`;

/** Values no threshold may take, with the words the refusal must use. */
const NOT_A_THRESHOLD: ReadonlyArray<readonly [string, string]> = [
  [".nan", "got .nan (not a number)"],
  [".inf", "got infinity (.inf, or a number too large to hold, such as 1e400)"],
  ["-.inf", "got -infinity"],
  ["1e400", "got infinity (.inf, or a number too large to hold, such as 1e400)"],
  ["high", 'got "high"'],
  ["true", "got true"],
  ["[0.8]", "got [0.8]"],
  ["~", "got null"],
];

const EVALUATE_RULES = [
  "min",
  "max",
  "max-regression",
  "max-regression-pct",
  "min-improvement",
  "min-improvement-pct",
  "warn-regression",
  "warn-regression-pct",
];

const thresholdCases: BadInput[] = EVALUATE_RULES.flatMap((rule) =>
  NOT_A_THRESHOLD.map(([given, said]) =>
    value("evaluate", `evaluate rule ${rule} is ${given}`, evaluateMetric(`${rule}: ${given}`), [
      `evaluate.metrics.accuracy.${rule} (line 4) must be a number, ${said}`,
    ]),
  ),
);

const negativeCases: BadInput[] = [
  "max-regression",
  "max-regression-pct",
  "warn-regression",
  "warn-regression-pct",
].map((rule) =>
  value("evaluate", `evaluate rule ${rule} is negative`, evaluateMetric(`${rule}: -0.01`), [
    `evaluate.metrics.accuracy.${rule} (line 4) must be zero or more`,
  ]),
);

const fairnessThresholds: BadInput[] = ["min", "max", "max-regression", "warn-regression"].flatMap((rule) =>
  [".nan", "1e400", "low"].map((given) =>
    value(
      "fairness",
      `fairness rule ${rule} is ${given}`,
      `fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  metrics:\n    demographic_parity_ratio: { ${rule}: ${given} }`,
      [`fairness.metrics.demographic_parity_ratio.${rule} (line 8) must be a number`],
    ),
  ),
);

const shadowBounds: BadInput[] = [
  "min-coverage",
  "max-flip-rate",
  "max-score-psi",
  "max-latency-p95-regression-pct",
  "max-accuracy-drop",
].flatMap((rule) =>
  [".nan", "-1", "lots"].map((given) =>
    value("shadow", `shadow rule ${rule} is ${given}`, `shadow:\n  min-requests: 10\n  ${rule}: ${given}`, [
      `shadow.${rule} (line 6)`,
    ]),
  ),
);

/** Warn bounds looser than the fail bound of the same metric: accepted, with a policy warning in the report. */
const unreachableWarnings: BadInput[] = [
  [
    "warn-regression 0.05 above max-regression 0.01",
    "max-regression: 0.01, warn-regression: 0.05",
    "warn-regression 0.05, above its max-regression 0.01",
  ],
  [
    "warn-regression equal to max-regression",
    "max-regression: 0.02, warn-regression: 0.02",
    "warn-regression 0.02, equal to its max-regression 0.02",
  ],
  [
    "warn-regression-pct above max-regression-pct",
    "max-regression-pct: 1, warn-regression-pct: 5",
    "warn-regression-pct 5, above its max-regression-pct 1",
  ],
].map(([when, rules, said]) => ({
  kind: "policy values" as const,
  when: `the evaluate policy has ${when!}`,
  argv: cmd.evaluate(),
  files: { "modelgate.yml": policyWith("evaluate", evaluateMetric(rules!)) },
  exit: 0 as const,
  names: [`Policy warning: evaluate.metrics.accuracy has ${said!}, so it can never warn`, "Set "],
}));

export const POLICY_VALUE_CASES: BadInput[] = [
  ...thresholdCases,
  ...negativeCases,
  ...fairnessThresholds,
  ...shadowBounds,
  ...unreachableWarnings,
  {
    kind: "policy values",
    when: "a fairness warn-regression is above its max-regression",
    argv: cmd.bias(),
    files: {
      "modelgate.yml": policyWith(
        "fairness",
        "fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  metrics:\n    demographic_parity_ratio: { min: 0.1, max-regression: 0.01, warn-regression: 0.1 }",
      ),
    },
    exit: 0,
    names: [
      "Policy warning: fairness.metrics.demographic_parity_ratio has warn-regression 0.1, above its max-regression 0.01",
    ],
  },
  value("evaluate", "a rule key is misspelt (max_regression)", evaluateMetric("max_regression: 0.01"), [
    'has unknown key "max_regression" (did you mean "max-regression"?)',
  ]),
  value("evaluate", "a metric has no direction", "evaluate:\n  metrics:\n    accuracy: { min: 0.8 }", [
    "evaluate.metrics.accuracy.direction",
    "(missing)",
  ]),
  value("evaluate", "a metric's direction is up", evaluateMetric("min: 0.8").replace("higher", "up"), [
    'evaluate.metrics.accuracy.direction (line 4) must be one of "higher", "lower"',
  ]),
  value("evaluate", "a metric declares no rule", "evaluate:\n  metrics:\n    accuracy: { direction: higher }", [
    "evaluate.metrics.accuracy",
    "declares no rule",
  ]),
  value("evaluate", "a metric's min is above its max", evaluateMetric("min: 0.9, max: 0.8"), [
    "has min greater than max",
  ]),
  value("evaluate", "the metrics map is empty", "evaluate:\n  metrics: {}", [
    "evaluate.metrics (line 3) must name at least one metric",
  ]),
  value("evaluate", "the metrics are a list", "evaluate:\n  metrics: [accuracy, f1]", ["evaluate.metrics (line 3)"]),
  value("evaluate", "a metric name is empty", 'evaluate:\n  metrics:\n    "": { direction: higher, min: 0.5 }', [
    "metric names must not be empty",
  ]),
  value("evaluate", "significance is 0.7", evaluateMetric("max-regression: 0.01, significance: 0.7"), [
    "significance (line 4) must be a level between 0 and 0.5",
  ]),
  value("evaluate", "significance is given without a baseline rule", evaluateMetric("min: 0.8, significance: 0.05"), [
    "has significance but none of the rules it applies to",
  ]),
  value("evaluate", "method is given without significance", evaluateMetric("max-regression: 0.01, method: delong"), [
    "sets method, interval or on-inconclusive without significance",
  ]),
  value(
    "evaluate",
    "interval is given with method delong",
    evaluateMetric("max-regression: 0.01, significance: 0.05, method: delong, interval: bca"),
    ["sets interval with method delong"],
  ),
  value("evaluate", "on-inconclusive is maybe", `${evaluateMetric("max-regression: 0.01")}\n  on-inconclusive: maybe`, [
    'on-inconclusive (line 5) must be one of "fail", "warn"',
  ]),
  value("evaluate", "multiple-testing is fdr", `${evaluateMetric("max-regression: 0.01")}\n  multiple-testing: fdr`, [
    "multiple-testing (line 5) must be one of",
  ]),
  value(
    "evaluate",
    "bootstrap resamples is 5",
    `${evaluateMetric("max-regression: 0.01")}\n  bootstrap: { resamples: 5 }`,
    ["bootstrap.resamples (line 5) must be a whole number from 99 to 1000000"],
  ),
  value(
    "evaluate",
    "the bootstrap seed is negative",
    `${evaluateMetric("max-regression: 0.01")}\n  bootstrap: { seed: -3 }`,
    ["bootstrap.seed (line 5) must be a whole number of 0 or more"],
  ),
  value("evaluate", "slices is an empty list", `${evaluateMetric("min: 0.5")}\n  slices: []`, [
    "evaluate.slices (line 5) must list at least one slice",
  ]),
  value("evaluate", "a slice names no column", `${evaluateMetric("min: 0.5")}\n  slices:\n    - min-size: 10`, [
    "evaluate.slices.0.column",
  ]),
  value(
    "evaluate",
    "a slice names a column twice",
    `${evaluateMetric("min: 0.5")}\n  slices:\n    - column: [region, region]`,
    ["names a column twice"],
  ),
  value(
    "evaluate",
    "a slice's min-size is 0",
    `${evaluateMetric("min: 0.5")}\n  slices:\n    - { column: region, min-size: 0 }`,
    ["min-size (line 6) must be a whole number of at least 1"],
  ),
  value(
    "evaluate",
    "slices are set but only metrics files are given",
    `${evaluateMetric("min: 0.5")}\n  slices:\n    - column: region`,
    ["evaluate.slices needs the candidate's predictions"],
  ),
  value("evaluate", "explanations top-k is 0", `${evaluateMetric("min: 0.5")}\n  explanations: { top-k: 0 }`, [
    "explanations.top-k (line 5) must be a whole number from 1 to 100",
  ]),
  value(
    "evaluate",
    "a max-rank-change is negative",
    `${evaluateMetric("min: 0.5")}\n  explanations: { max-rank-change: { tenure: -1 } }`,
    ["explanations.max-rank-change.tenure (line 5)"],
  ),
  value(
    "fairness",
    "the sensitive list is empty",
    "fairness:\n  sensitive: []\n  metrics:\n    demographic_parity_ratio: { min: 0.8 }",
    ["fairness.sensitive (line 6) must name at least one column"],
  ),
  value(
    "fairness",
    "min-group-size is 0",
    "fairness:\n  sensitive: [region]\n  min-group-size: 0\n  metrics:\n    demographic_parity_ratio: { min: 0.8 }",
    ["fairness.min-group-size (line 7) must be a whole number of at least 1"],
  ),
  value(
    "fairness",
    "confidence is 95",
    "fairness:\n  sensitive: [region]\n  confidence: 95\n  metrics:\n    demographic_parity_ratio: { min: 0.8 }",
    ["fairness.confidence (line 7) must be between 0 and 1"],
  ),
  value(
    "fairness",
    "intersections is always",
    "fairness:\n  sensitive: [region]\n  intersections: always\n  metrics:\n    demographic_parity_ratio: { min: 0.8 }",
    ["fairness.intersections (line 7) must be one of"],
  ),
  value(
    "fairness",
    "a fairness metric is unknown",
    "fairness:\n  sensitive: [region]\n  metrics:\n    parity: { min: 0.8 }",
    ['has unknown key "parity"'],
  ),
  value("fairness", "no fairness metric is named", "fairness:\n  sensitive: [region]\n  metrics: {}", [
    "fairness.metrics (line 7) must name at least one metric",
  ]),
  value(
    "fairness",
    "a fairness rule has no bound",
    "fairness:\n  sensitive: [region]\n  metrics:\n    demographic_parity_ratio: { method: to_overall }",
    ["declares no rule"],
  ),
  value(
    "fairness",
    "a fairness method is unknown",
    "fairness:\n  sensitive: [region]\n  metrics:\n    demographic_parity_ratio: { min: 0.8, method: pairwise }",
    ['method (line 8) must be one of "between_groups", "to_overall"'],
  ),
  value(
    "fairness",
    "gate-on is interval",
    "fairness:\n  sensitive: [region]\n  metrics:\n    demographic_parity_ratio: { min: 0.8, gate-on: interval }",
    ['gate-on (line 8) must be one of "point", "ci"'],
  ),
  value(
    "fairness",
    "disparate_impact has no privileged group",
    "fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  metrics:\n    disparate_impact: { min: 0.8 }",
    ["fairness.metrics.disparate_impact needs a privileged group", "(region)"],
  ),
  value(
    "fairness",
    "the privileged group of region is misspelt",
    "fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  privileged: { region: North }\n  metrics:\n    disparate_impact: { min: 0.8 }",
    ['fairness.privileged.region is "North", which no row', '"north"'],
  ),
  value(
    "fairness",
    "the privileged column is misspelt",
    "fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  privileged: { regoin: north }\n  metrics:\n    disparate_impact: { min: 0.8 }",
    ['it names "regoin"'],
  ),
  value("shadow", "the shadow section declares no rule", "shadow:\n  min-requests: 10", ["declares no rule"]),
  value("shadow", "min-requests is 0", "shadow:\n  min-requests: 0\n  max-flip-rate: 0.1", [
    "shadow.min-requests (line 5) must be a whole number of 1 or more",
  ]),
  value(
    "shadow",
    "latency-judge kayenta is set with a latency percentile rule",
    "shadow:\n  latency-judge: kayenta\n  max-latency-p95-regression-pct: 10",
    ["sets latency-judge: kayenta"],
  ),
  value("shadow", "latency-judge is magic", "shadow:\n  latency-judge: magic\n  max-flip-rate: 0.1", [
    "shadow.latency-judge (line 5) must be one of",
  ]),
  value(
    "shadow",
    "the scorecard's marginal is above pass",
    "shadow:\n  max-flip-rate: 0.1\n  scorecard: { pass: 70, marginal: 80 }",
    ["has marginal above pass"],
  ),
  value(
    "shadow",
    "the scorecard's weights add up to 150",
    "shadow:\n  max-flip-rate: 0.1\n  max-score-psi: 0.1\n  scorecard: { weights: { max-flip-rate: 100, max-score-psi: 50 } }",
    ["has weights that add up to more than 100"],
  ),
  value(
    "shadow",
    "a scorecard weight names no rule",
    "shadow:\n  max-flip-rate: 0.1\n  scorecard: { weights: { flips: 10 } }",
    ["shadow.scorecard.weights"],
  ),
  value("data", "a column type is unknown", "data:\n  schema:\n    plan: { type: enum }", [
    'data.schema.plan.type (line 6) must be one of "integer"',
  ]),
  value(
    "data",
    "a column pattern is not a regular expression",
    'data:\n  schema:\n    plan: { type: string, pattern: "([a-z" }',
    ["data.schema.plan.pattern (line 6) must be a valid regular expression"],
  ),
  value("data", "a column's allowed list is empty", "data:\n  schema:\n    plan: { type: category, allowed: [] }", [
    "data.schema.plan.allowed (line 6) must list at least one value",
  ]),
  value("data", "max-null-pct is 150", "data:\n  schema:\n    plan: { type: category, max-null-pct: 150 }", [
    "max-null-pct (line 6) must be a percent from 0 to 100",
  ]),
  value("data", "the rows bound has min above max", "data:\n  rows: { min: 10, max: 5 }", [
    "data.rows (line 5) has min greater than max",
  ]),
  value("data", "columns is all", "data:\n  columns: all", [
    'data.columns (line 5) must be one of "exact", "subset", "superset"',
  ]),
  value("data", "the drift alpha is 0", "data:\n  drift: { alpha: 0 }", [
    "data.drift.alpha (line 5) must be a number between 0 and 1",
  ]),
  value("data", "the drift method is t-test", "data:\n  drift: { method: t-test }", [
    "data.drift.method (line 5) must be one of",
  ]),
  value("data", "the drift sample is 10 rows", "data:\n  drift: { sample: 10 }", [
    "data.drift.sample (line 5) must be a whole number of rows, 100 or more",
  ]),
  value("data", "max-drift-share is 2", "data:\n  drift: { max-drift-share: 2 }", [
    "data.drift.max-drift-share (line 5) must be a share from 0 to 1",
  ]),
  value(
    "data",
    "a drift column's method is unknown",
    "data:\n  drift:\n    columns:\n      charges: { method: magic }",
    ["data.drift.columns.charges.method (line 7) must be one of"],
  ),
];
