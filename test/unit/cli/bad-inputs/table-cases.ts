import { gzipSync } from "node:zlib";
import type { BadInput } from "./bad-input.js";
import { cmd } from "./commands.js";
import { policyWith, predictionsCsv, shadowLogCsv } from "./workspace-files.js";

const PREDICTIONS = predictionsCsv();

/** evaluate with the candidate's predictions in `file` (holding `text`). */
const evaluatePredictions = (
  when: string,
  file: string,
  text: string | Uint8Array,
  names: Array<string | RegExp>,
  extra: string[] = [],
): BadInput => ({
  kind: "tables",
  when: `evaluate: ${when}`,
  argv: ["evaluate", "--candidate-predictions", file, "--format", "json", ...extra],
  files: {
    [file]: text,
    "modelgate.yml": policyWith("evaluate", "evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }"),
  },
  exit: 1,
  names: [file, ...names],
});

const bias = (when: string, text: string, names: Array<string | RegExp>, extra: string[] = []): BadInput => ({
  kind: "tables",
  when: `bias: ${when}`,
  argv: ["bias", "--predictions", "p.csv", "--format", "json", ...extra],
  files: { "p.csv": text },
  exit: 1,
  names: ["p.csv", ...names],
});

const shadow = (
  when: string,
  files: Record<string, string>,
  names: Array<string | RegExp>,
  extra: string[] = [],
): BadInput => ({
  kind: "tables",
  when: `shadow: ${when}`,
  argv: [...cmd.shadow(), ...extra],
  files,
  exit: 1,
  names,
});

const validate = (
  when: string,
  files: Record<string, string | Uint8Array>,
  names: Array<string | RegExp>,
  argv = cmd.validate(),
): BadInput => ({ kind: "tables", when: `validate: ${when}`, argv, files, exit: 1, names });

/** `PREDICTIONS` with every cell of `column` passed through `change` (row index from 0). */
function withColumn(column: string, change: (cell: string, row: number) => string, text = PREDICTIONS): string {
  const [header, ...rows] = text.trimEnd().split("\n");
  const at = header!.split(",").indexOf(column);
  return `${[
    header,
    ...rows.map((row, i) =>
      row
        .split(",")
        .map((cell, c) => (c === at ? change(cell, i) : cell))
        .join(","),
    ),
  ].join("\n")}\n`;
}

const PROD = shadowLogCsv(false);
const SHADOW = shadowLogCsv(true);

export const TABLE_CASES: BadInput[] = [
  evaluatePredictions("the file is 0 bytes", "p.csv", "", ["is 0 bytes"]),
  evaluatePredictions("the file has a header and no rows", "p.csv", "id,label,prediction,score\n", [
    "p.csv has a header but no rows",
  ]),
  evaluatePredictions("the file has only blank lines", "p.csv", "\n\n\n", ["p.csv"]),
  evaluatePredictions("a row has an extra field", "p.csv", `${PREDICTIONS}e999,1,1,0.9,north,pro,extra\n`, [
    "line 122 has 7 fields; the header has 6",
  ]),
  evaluatePredictions("a row lacks a field", "p.csv", PREDICTIONS.replace("e5,", "e5,1,"), [
    /line \d+ has \d fields; the header has 6/,
  ]),
  evaluatePredictions(
    "a ragged row comes before the parser hands over the header",
    "p.csv",
    "label,prediction,score\n1,1,0.9\n0,0,0.1,5\n1,1,0.2\n",
    ["line 3 has 4 fields; the header has 3"],
  ),
  evaluatePredictions("a quoted field is never closed", "p.csv", `${PREDICTIONS}"e999,1,1,0.9,north,pro\n`, [
    "ends inside a quoted field",
  ]),
  evaluatePredictions("the label column is missing", "p.csv", PREDICTIONS.replace("id,label,", "id,truth,"), [
    'has no label column "label"',
    '"truth"',
  ]),
  evaluatePredictions(
    "neither prediction nor score is there",
    "p.csv",
    withColumn("score", () => "x").replace(",prediction,score,", ",a,b,"),
    ["p.csv"],
  ),
  evaluatePredictions(
    "a label is missing",
    "p.csv",
    withColumn("label", (cell, row) => (row === 3 ? "" : cell)),
    ["label", "data row 4"],
  ),
  evaluatePredictions(
    "the labels have three classes",
    "p.csv",
    withColumn("label", (cell, row) => (row === 5 ? "2" : cell)),
    ["label", '"2"'],
  ),
  evaluatePredictions(
    "a score is not a number",
    "p.csv",
    withColumn("score", (cell, row) => (row === 7 ? "high" : cell)),
    ["score"],
  ),
  evaluatePredictions(
    "a score is NaN",
    "p.csv",
    withColumn("score", (cell, row) => (row === 7 ? "NaN" : cell)),
    ["score"],
  ),
  evaluatePredictions(
    "a score is above 1",
    "p.csv",
    withColumn("score", (cell, row) => (row === 7 ? "1.7" : cell)),
    ["outside [0, 1]"],
  ),
  evaluatePredictions(
    "a prediction is missing",
    "p.csv",
    withColumn("prediction", (cell, row) => (row === 9 ? "" : cell)),
    ["prediction"],
  ),
  evaluatePredictions(
    "the label column appears twice",
    "p.csv",
    PREDICTIONS.replace("id,label,prediction,score,region,plan", "id,label,prediction,score,label,plan"),
    ['"label"'],
  ),
  evaluatePredictions(
    "ids repeat",
    "p.csv",
    withColumn("id", (cell, row) => (row === 11 ? "e10" : cell)),
    ["e10"],
    ["--baseline-predictions", "base-preds.csv"],
  ),
  {
    ...evaluatePredictions(
      "the baseline shares no id with the candidate",
      "p.csv",
      PREDICTIONS,
      ["base.csv"],
      ["--baseline-predictions", "base.csv"],
    ),
    files: { "p.csv": PREDICTIONS, "base.csv": withColumn("id", (cell) => cell.replace("e", "x")) },
  },
  evaluatePredictions("the file has the extension .xlsx", "p.xlsx", PREDICTIONS, ['".xlsx"']),
  evaluatePredictions("the file has the extension .txt", "p.txt", PREDICTIONS, ['".txt"']),
  evaluatePredictions("a .gz file is not gzip", "p.csv.gz", PREDICTIONS, ["gzip"]),
  evaluatePredictions("a gzip stream is cut off", "p.csv.gz", gzipSync(PREDICTIONS).subarray(0, 200), ["p.csv.gz"]),
  evaluatePredictions("a .parquet file is CSV", "p.parquet", PREDICTIONS, ["is not a readable Parquet file"]),
  evaluatePredictions("a .parquet file is 3 bytes of junk", "p.parquet", "PAR", ["is not a readable Parquet file"]),
  evaluatePredictions(
    "a JSONL line is not JSON",
    "p.jsonl",
    '{"id": "a", "label": 1, "prediction": 1}\n{"id": "b", "label": 0,\n',
    ["line 2"],
  ),
  evaluatePredictions("a JSONL line is a list", "p.jsonl", '{"id": "a", "label": 1, "prediction": 1}\n[1, 1]\n', [
    "line 2",
  ]),
  evaluatePredictions(
    "no JSONL line has the label key",
    "p.jsonl",
    '{"id": "a", "truth": 1, "prediction": 1}\n{"id": "b", "truth": 0, "prediction": 0}\n',
    ['"label"'],
  ),
  evaluatePredictions("a TSV row is ragged", "p.tsv", "id\tlabel\tprediction\na\t1\t1\nb\t0\n", [
    "line 3 has 2 fields; the header has 3",
  ]),
  evaluatePredictions(
    "--label-column names a column that is not there",
    "p.csv",
    PREDICTIONS,
    ['no label column "truth"'],
    ["--label-column", "truth"],
  ),
  evaluatePredictions(
    "--positive-label is a class the labels do not have",
    "p.csv",
    PREDICTIONS,
    ['"yes"'],
    ["--positive-label", "yes"],
  ),
  evaluatePredictions(
    "the task is regression but the labels are classes",
    "p.csv",
    withColumn("label", (cell) => (cell === "1" ? "churn" : "stay")),
    ["label"],
    ["--task", "regression"],
  ),
  {
    kind: "tables",
    when: "evaluate: a slice column is empty in every row",
    argv: ["evaluate", "--candidate-predictions", "p.csv", "--format", "json"],
    files: {
      "p.csv": withColumn("region", () => ""),
      "modelgate.yml": policyWith(
        "evaluate",
        "evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n  slices:\n    - column: region",
      ),
    },
    exit: 1,
    names: ['the slice column "region" of p.csv is empty in all 120 rows'],
  },
  bias("the sensitive column is missing", PREDICTIONS, ['has no sensitive column "gender"'], ["--sensitive", "gender"]),
  bias(
    "the sensitive column has one group",
    withColumn("region", () => "north"),
    ['sensitive column "region"', "only one group"],
  ),
  bias(
    "a sensitive value is missing",
    withColumn("region", (cell, row) => (row === 4 ? "" : cell)),
    ['sensitive column "region"', "data row 5"],
  ),
  {
    ...bias("the sensitive column is the label column", PREDICTIONS, [], ["--sensitive", "label"]),
    names: ['Sensitive column "label" is also the label-column'],
  },
  bias("the favourable label is neither class", PREDICTIONS, ['"maybe"'], ["--favorable-label", "maybe"]),
  bias(
    "the labels are not binary",
    withColumn("label", (cell, row) => (row === 2 ? "7" : cell)),
    ['"7"'],
  ),
  {
    ...bias(
      "the baseline's rows are other examples",
      PREDICTIONS,
      ["other.csv"],
      ["--baseline-predictions", "other.csv"],
    ),
    files: { "p.csv": PREDICTIONS, "other.csv": withColumn("id", (cell) => cell.replace("e", "x")) },
  },
  shadow("the production log lacks the join key", { "prod.csv": PROD.replace("request_id,", "rid,") }, [
    "prod.csv",
    '"request_id"',
  ]),
  shadow("the two logs share no request id", { "shadow.csv": SHADOW.replace(/^r(\d+),/gm, "x$1,") }, [
    "no request id in common",
  ]),
  shadow("a request id repeats", { "prod.csv": PROD.replace("r1,", "r0,") }, ['"r0"', "duplicate-ids"]),
  shadow("a latency is negative", { "shadow.csv": SHADOW.replace(/^(r3,[^,]*,[^,]*,)[^,]*,/m, "$1-4,") }, [
    "negative latencies",
    '"latency_ms"',
  ]),
  shadow("a latency is missing", { "shadow.csv": SHADOW.replace(/^(r3,[^,]*,[^,]*,)[^,]*,/m, "$1,") }, [
    '"latency_ms"',
    "data row 4",
  ]),
  shadow("a score is not a number", { "prod.csv": PROD.replace(/^(r5,[^,]*,)[^,]*,/m, "$1high,") }, [
    '"score"',
    "not finite numbers",
  ]),
  shadow("a log has neither prediction nor score", { "prod.csv": PROD.replace("prediction,score,", "a,b,") }, [
    "neither a prediction column",
  ]),
  shadow("a log has a header and no rows", { "prod.csv": "request_id,prediction,score,latency_ms,country\n" }, [
    "prod.csv",
    "no rows",
  ]),
  shadow(
    "the labels file lacks the label column",
    { "labels.csv": "request_id,truth\nr1,stay\n" },
    ["labels.csv", '"label"'],
    ["--labels", "labels.csv"],
  ),
  shadow("the labels file does not exist", {}, ["labels.csv", "does not exist"], ["--labels", "labels.csv"]),
  shadow("the join key names a column the logs lack", {}, ['"req"'], ["--join-key", "req"]),
  validate(
    "the data file does not exist",
    {},
    ["missing.csv", "does not exist"],
    ["validate", "--data", "missing.csv", "--format", "json"],
  ),
  validate("the reference is 0 bytes", { "ref.csv": "" }, ["ref.csv", "is 0 bytes"]),
  validate("the data is ragged", { "data.csv": "customer_id,tenure,charges,plan\n1,2,3,basic\n2,3\n" }, [
    "data.csv",
    "line 3 has 2 fields; the header has 4",
  ]),
  validate("the data names a column twice", { "data.csv": "customer_id,plan,plan\n1,basic,pro\n" }, [
    "data.csv",
    '"plan"',
  ]),
  validate(
    "a JSONL line of the data is not an object",
    { "data.jsonl": '{"customer_id": 1}\n"text"\n' },
    ["data.jsonl", "line 2"],
    ["validate", "--data", "data.jsonl", "--format", "json"],
  ),
  validate(
    "a schema column holds text where integers are declared",
    { "data.csv": "customer_id,tenure,charges,plan\nx1,2,3,basic\n" },
    ["customer_id"],
  ),
  validate(
    "a category holds a value the schema does not allow",
    { "data.csv": "customer_id,tenure,charges,plan\n1,2,3,gold\n" },
    ["plan:allowed", "outside the allowed list"],
  ),
];
