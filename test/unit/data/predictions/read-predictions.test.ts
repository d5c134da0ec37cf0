import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPredictions } from "../../../../shared/src/data/predictions/read-predictions.js";
import type { ReadPredictionsOptions } from "../../../../shared/src/data/predictions/read-predictions.js";
import { readPairedPredictions } from "../../stats/support/fixtures.js";

// The SciPy oracle's paired predictions (see ../../stats/fixtures/SOURCE.md), read by our reader with its own names.
const oracleFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../stats/fixtures");
const oracleAccess = { workspace: oracleFolder, allowedRoots: [oracleFolder] };
const oracle = readPairedPredictions();
const ORACLE_SHA256 = "4d1a5d6018ab96e4796df81d04fb38544a69368f3b96b9a692b85f9685eb0bdf"; // SOURCE.md
const candidateColumns = { label: "y_true", prediction: "candidate_pred", score: "candidate_score", id: "no_such_id" };

const workspace = mkdtempSync(path.join(tmpdir(), "mg-read-predictions-"));
const access = { workspace, allowedRoots: [workspace] };
/** Writes `content` to a temp file and returns its name. */
function write(name: string, content: string): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}
const read = (file: string, options: Partial<ReadPredictionsOptions> = {}) =>
  readPredictions(file, access, { input: "predictions", task: "classification", ...options });

/** Expects a DataError naming the input, file and (when given) column, whose message matches `message`. */
async function expectDataError(
  promise: Promise<unknown>,
  file: string,
  message: RegExp,
  column?: string,
): Promise<void> {
  const error: unknown = await promise.then(
    () => expect.fail("expected a DataError"),
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ name: "DataError", input: "predictions", file, ...(column && { path: column }) });
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).toContain(`Input "predictions": ${file}`);
  expect((error as { hint: string }).hint.length).toBeGreaterThan(30);
}

describe("readPredictions", () => {
  it("reads labels, predictions and scores by their configured names when given the oracle's 1000 rows", async () => {
    const read = await readPredictions("paired_predictions.csv", oracleAccess, {
      input: "predictions",
      task: "classification",
      columns: candidateColumns,
    });
    expect(read).toMatchObject({
      task: "classification",
      name: "paired_predictions.csv",
      sha256: ORACLE_SHA256,
      rows: 1000,
    });
    expect(read.ids).toBeUndefined();
    expect([...read.labels]).toEqual(oracle.yTrue);
    expect([...read.predictions]).toEqual(oracle.candidatePred);
    expect([...(read.scores ?? [])]).toEqual(oracle.candidateScore);
  });

  it("refuses a file with a header and no rows instead of leaving every metric missing", async () => {
    await expect(read(write("header-only.csv", "id,label,prediction,score\n"))).rejects.toThrow(
      'Input "predictions": header-only.csv has a header but no rows, so there are no predictions to measure.',
    );
  });

  it("predicts score >= threshold when the file has no prediction column", async () => {
    const columns = { ...candidateColumns, prediction: "absent", score: "baseline_score" };
    const read = await readPredictions("paired_predictions.csv", oracleAccess, {
      input: "predictions",
      task: "classification",
      columns,
    });
    // The oracle's baseline_pred is baseline_score >= 0.5 (no score equals 0.5).
    expect([...read.predictions]).toEqual(oracle.baselinePred);
    const strict = await readPredictions("paired_predictions.csv", oracleAccess, {
      input: "predictions",
      task: "classification",
      columns,
      threshold: 1,
    });
    expect([...strict.predictions].every((p) => p === 0)).toBe(true);
  });

  it("reads numeric labels and predictions when the task is regression", async () => {
    const read = await readPredictions("paired_predictions.csv", oracleAccess, {
      input: "predictions",
      task: "regression",
      columns: { label: "baseline_score", prediction: "candidate_score" },
    });
    expect([...read.labels]).toEqual(oracle.baselineScore);
    expect([...read.predictions]).toEqual(oracle.candidateScore);
    expect(read.scores).toBeUndefined();
  });

  it("maps text classes to 0/1 against positive-label and reads ids as text when given JSONL", async () => {
    const file = write(
      "text.jsonl",
      [
        '{"id": "a", "label": "yes", "prediction": "no"}',
        '{"id": 7, "label": "no", "prediction": "no"}',
        '{"id": "c", "label": "yes", "prediction": "yes"}',
      ].join("\n"),
    );
    const read = await readPredictions(file, access, {
      input: "predictions",
      task: "classification",
      positiveLabel: "yes",
    });
    expect(read.ids).toEqual(["a", "7", "c"]);
    expect([...read.labels]).toEqual([1, 0, 1]);
    expect([...read.predictions]).toEqual([0, 0, 1]);
  });

  it("matches a numeric positive-label by value when the column is numeric", async () => {
    const file = write("numeric.csv", "label,prediction\n2,2.0\n5,2\n5,5\n");
    const read = await readPredictions(file, access, {
      input: "predictions",
      task: "classification",
      positiveLabel: "5.0",
    });
    expect([...read.labels]).toEqual([0, 1, 1]);
    expect([...read.predictions]).toEqual([0, 0, 1]);
  });

  it("refuses a file without the label column and lists the columns it has", async () => {
    const file = write("no-label.csv", "truth,prediction\n1,1\n");
    await expectDataError(
      read(file),
      file,
      /has no label column "label"\. Its columns: "truth", "prediction"\./,
      "label",
    );
  });

  it("refuses a classification file with neither a prediction nor a score column", async () => {
    const file = write("no-prediction.csv", "label,other\n1,1\n");
    await expectDataError(
      read(file),
      file,
      /neither a prediction column "prediction" nor a score column "score"/,
      "prediction",
    );
  });

  it("refuses a regression file without the prediction column even when it has scores", async () => {
    const file = write("regression-no-prediction.csv", "label,score\n1.5,0.2\n");
    await expectDataError(read(file, { task: "regression" }), file, /no prediction column "prediction"/, "prediction");
  });

  it("refuses scores outside [0, 1] and names how many and the first", async () => {
    const file = write("scores-out.csv", "label,score\n1,0.2\n0,1.5\n1,-0.1\n");
    await expectDataError(
      read(file),
      file,
      /column "score": 2 of 3 scores are outside \[0, 1\]; the first is 1\.5 at data row 2\./,
      "score",
    );
  });

  it("refuses missing or non-numeric scores and names how many rows and the first", async () => {
    const file = write("scores-nan.csv", "label,score\n1,0.2\n0,\n1,NaN\n0,n/a\n");
    await expectDataError(
      read(file),
      file,
      /column "score": 3 of 4 rows have no usable number .*; the first is data row 2\./,
      "score",
    );
  });

  it("refuses missing labels and names how many rows and the first", async () => {
    const file = write(
      "labels-missing.jsonl",
      '{"label": 1, "score": 0.3}\n{"label": null, "score": 0.3}\n{"score": 0.3}\n',
    );
    await expectDataError(
      read(file),
      file,
      /column "label": 2 of 3 rows have no value; the first is data row 2\./,
      "label",
    );
  });

  it("refuses NaN regression labels and names how many rows and the first", async () => {
    const file = write("regression-nan.csv", "label,prediction\n1.5,1\nnan,2\n");
    await expectDataError(
      read(file, { task: "regression" }),
      file,
      /column "label": 1 of 2 rows .*the first is data row 2\./,
      "label",
    );
  });

  it("refuses a third class and lists the values seen", async () => {
    const file = write("three-classes.csv", "label,prediction\n0,0\n1,1\n2,1\n");
    await expectDataError(
      read(file),
      file,
      /column "label": values seen: "0", "1", "2"; only the positive label "1" and one other value are allowed\./,
      "label",
    );
  });

  it("refuses two classes when neither is the positive label", async () => {
    const file = write("wrong-positive.csv", "label,prediction\ncat,cat\ndog,dog\n");
    await expectDataError(read(file), file, /values seen: "cat", "dog"; only the positive label "1"/, "label");
  });

  it("refuses a predicted class that the label column does not use", async () => {
    const file = write("prediction-class.csv", "label,prediction\n0,0\n1,2\n");
    await expectDataError(
      read(file),
      file,
      /column "prediction": values seen: "0", "2"; .*the label column's other class "0"/,
      "prediction",
    );
  });

  it("refuses duplicated ids and names how many and the first, when ids are the oracle's groups", async () => {
    const promise = readPredictions("paired_predictions.csv", oracleAccess, {
      input: "predictions",
      task: "classification",
      columns: { ...candidateColumns, id: "group" },
    });
    // 1000 rows over two groups, g1 first (row 1) and g2 next (row 2): 998 repeats, the first at row 3.
    await expect(promise).rejects.toMatchObject({
      name: "DataError",
      path: "group",
      message: expect.stringMatching(
        /column "group": 998 rows repeat an earlier id; the first is "g2" at data row 3\./,
      ),
    });
  });

  it("refuses missing ids", async () => {
    const file = write("ids-missing.csv", "id,label,prediction\na,1,1\n,0,0\n");
    await expectDataError(read(file), file, /column "id": 1 of 2 rows have no id; the first is data row 2\./, "id");
  });

  it("throws an InputError naming both inputs when two column inputs name one column", async () => {
    const file = write("same-column.csv", "label,prediction\n1,1\n");
    await expect(read(file, { columns: { score: "prediction" } })).rejects.toMatchObject({
      name: "InputError",
      input: "score-column",
      message: 'Inputs "prediction-column" and "score-column" both name the column "prediction".',
    });
  });
});
