import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadEvaluateFiles } from "../../../shared/src/use-cases/load-evaluate-files.js";
import type { EvaluateFileInputs } from "../../../shared/src/use-cases/load-evaluate-files.js";
import { expectRelative, reference } from "../stats/support/fixtures.js";

// The SciPy oracle's paired predictions (../stats/fixtures/SOURCE.md); expected values are scikit-learn 1.2.1's
// from make_reference_values.py (reference-values.json, classification.candidate / .baseline).
const oracleFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../stats/fixtures");
const ORACLE = readFileSync(path.join(oracleFolder, "paired_predictions.csv"), "utf8");
const ORACLE_SHA256 = "4d1a5d6018ab96e4796df81d04fb38544a69368f3b96b9a692b85f9685eb0bdf"; // SOURCE.md
const MODEL_COLUMNS = { labelColumn: "y_true", predictionColumn: "pred", scoreColumn: "score" };

/**
 * A workspace with the oracle file as it is, and one file per model whose own columns are renamed to pred/score
 * (the column inputs apply to both files, as in a real workflow where each model writes its own file).
 */
function makeWorkspace(files: Record<string, string> = {}) {
  const workspace = mkdtempSync(path.join(tmpdir(), "mg-load-evaluate-"));
  const header = ORACLE.slice(0, ORACLE.indexOf("\n"));
  const body = ORACLE.slice(header.length);
  const forModel = (model: string) => header.replace(`${model}_pred`, "pred").replace(`${model}_score`, "score") + body;
  const all = {
    "oracle.csv": ORACLE,
    "candidate.csv": forModel("candidate"),
    "baseline.csv": forModel("baseline"),
    ...files,
  };
  for (const [name, content] of Object.entries(all)) writeFileSync(path.join(workspace, name), content);
  return { workspace, allowedRoots: [workspace] };
}

const load = (inputs: EvaluateFileInputs, files?: Record<string, string>) =>
  loadEvaluateFiles(inputs, makeWorkspace(files));

/** Expects `values` to hold each sklearn reference metric of `model` to relative tolerance 1e-12. */
function expectReferenceMetrics(values: ReadonlyMap<string, unknown>, model: "candidate" | "baseline"): void {
  const expected = reference.classification[model];
  const pairs: [string, number][] = [
    ["accuracy", expected.accuracy],
    ["precision", expected.precision_pos1],
    ["recall", expected.recall_pos1],
    ["f1", expected.f1_pos1],
    ["f1_macro", expected.macro_f1],
    ["roc_auc", expected.roc_auc],
    ["log_loss", expected.log_loss],
    ["brier", expected.brier],
  ];
  for (const [metric, value] of pairs) expectRelative(values.get(metric) as number, value, 1e-12);
}

async function caught(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return promise.then(
    () => expect.fail("expected an error"),
    (error: unknown) => error as Error & Record<string, unknown>,
  );
}

describe("loadEvaluateFiles", () => {
  it("computes the candidate's sklearn metrics from one predictions file when no metrics file is given", async () => {
    const files = await load({
      candidatePredictions: "oracle.csv",
      labelColumn: "y_true",
      predictionColumn: "candidate_pred",
      scoreColumn: "candidate_score",
    });
    expect(files.candidate).toMatchObject({ name: "oracle.csv", sha256: ORACLE_SHA256 });
    expectReferenceMetrics(files.candidate.values, "candidate");
    expect(files.baseline).toBeUndefined();
    // The evaluation data is the examples and their labels (no id column: file order), not the file's bytes.
    const labels = ORACLE.trim()
      .split("\n")
      .slice(1)
      .map((line) => `\t${line.split(",")[0]}\n`);
    const examples = `modelgate.examples/v1\nclassification\npositive\t1\nnegative\t0\n${labels.join("")}`;
    const examplesSha256 = createHash("sha256").update(examples).digest("hex");
    expect(files.predictions).toMatchObject({ candidate: "oracle.csv", evalDataSha256: examplesSha256 });
    expect(files.predictions?.baseline).toBeUndefined();
  });

  it("computes both models' metrics when given paired candidate and baseline predictions", async () => {
    const files = await load({
      candidatePredictions: "candidate.csv",
      baselinePredictions: "baseline.csv",
      ...MODEL_COLUMNS,
    });
    expectReferenceMetrics(files.candidate.values, "candidate");
    expectReferenceMetrics(files.baseline!.values, "baseline");
    expect(files.predictions).toMatchObject({ candidate: "candidate.csv", baseline: "baseline.csv" });
    expect(files.predictions?.notes).toEqual([
      "Metrics computed from classification predictions: candidate.csv (candidate, 1000 examples) and baseline.csv (baseline), paired by position.",
    ]);
  });

  it("merges computed metrics into the metrics files, keeping their names and digests", async () => {
    const files = await load(
      {
        candidate: "c.json",
        baseline: "b.json",
        candidatePredictions: "candidate.csv",
        baselinePredictions: "baseline.csv",
        ...MODEL_COLUMNS,
      },
      { "c.json": '{"latency_p95_ms": 120}', "b.json": '{"latency_p95_ms": 130, "test": {"acc": 0.5}}' },
    );
    expect(files.candidate.name).toBe("c.json");
    expect(files.candidate.values.get("latency_p95_ms")).toBe(120);
    expectReferenceMetrics(files.candidate.values, "candidate");
    expect(files.baseline!.name).toBe("b.json");
    expect(files.baseline!.values.get("test.acc")).toBe(0.5);
    expectReferenceMetrics(files.baseline!.values, "baseline");
    expect(files.predictions?.evalDataSha256).not.toBe(files.candidate.sha256);
  });

  it("skips the examples' digest when eval-data names the evaluation data, whose file digest the subject records", async () => {
    const files = await load(
      { candidatePredictions: "candidate.csv", evalData: "holdout.csv", ...MODEL_COLUMNS },
      { "holdout.csv": "id,label\n1,0\n" },
    );
    expect(files.predictions?.evalDataSha256).toBeUndefined();
    expect(files.evalData?.sha256).toBe(createHash("sha256").update("id,label\n1,0\n").digest("hex"));
    expectReferenceMetrics(files.candidate.values, "candidate");
  });

  it("turns scores into predictions at the threshold when there is no prediction column", async () => {
    // Every oracle score is below 1 (max 0.999939), so at threshold 1 every example is predicted negative and
    // accuracy is the share of label 0: 567 of 1000 (= 1 - 433 positives, as recall_pos1 = 295/433 implies).
    const files = await load({
      candidatePredictions: "oracle.csv",
      labelColumn: "y_true",
      predictionColumn: "none",
      scoreColumn: "candidate_score",
      threshold: 1,
    });
    expect(files.candidate.values.get("accuracy")).toBe(0.567);
    expect(
      files.predictions?.notes.some((note) => note.startsWith("precision was not computed from oracle.csv: ")),
    ).toBe(true);
  });

  it("notes a metric it cannot compute instead of inventing a value when the labels have one class", async () => {
    const files = await load(
      { candidatePredictions: "one.csv" },
      { "one.csv": "label,prediction,score\n1,1,0.9\n1,0,0.4\n" },
    );
    expect(files.candidate.values.has("roc_auc")).toBe(false);
    expect(files.candidate.values.get("accuracy")).toBe(0.5);
    expect(
      files.predictions?.notes.filter((note) => note.startsWith("roc_auc was not computed from one.csv: ")),
    ).toHaveLength(1);
  });

  it("throws a DataError naming the metric and both sources when a metric is in the metrics file and computed", async () => {
    const error = await caught(
      load(
        { candidate: "c.json", candidatePredictions: "candidate.csv", ...MODEL_COLUMNS },
        { "c.json": '{"accuracy": 0.9, "auc": 0.8}' },
      ),
    );
    expect(error).toMatchObject({
      name: "DataError",
      input: "candidate-predictions",
      file: "c.json",
      path: "accuracy",
    });
    expect(error.message).toBe(
      'Metric "accuracy" is both in c.json (input "candidate") and computed from candidate.csv (input "candidate-predictions"); the gate will not choose between them.',
    );
    expect(error.hint).toContain("remove accuracy from c.json, or remove candidate-predictions");
  });

  it("throws a DataError naming both files when the baseline predictions cover other examples", async () => {
    const shorter = ORACLE.split("\n")
      .slice(0, 500)
      .join("\n")
      .replace("baseline_pred", "pred")
      .replace("baseline_score", "score");
    const error = await caught(
      load(
        { candidatePredictions: "candidate.csv", baselinePredictions: "short.csv", ...MODEL_COLUMNS },
        { "short.csv": shorter },
      ),
    );
    expect(error).toMatchObject({ name: "DataError" });
    expect(error.message).toMatch(/candidate\.csv.* has 1000 rows but .*short\.csv.* has 499/);
  });

  it("throws a DataError naming the file and label-column when the label column is missing", async () => {
    const error = await caught(load({ candidatePredictions: "oracle.csv", predictionColumn: "candidate_pred" }));
    expect(error).toMatchObject({ name: "DataError", input: "candidate-predictions", file: "oracle.csv" });
    expect(error.message).toContain('oracle.csv has no label column "label"');
    expect(error.hint).toContain("label-column");
  });

  it("throws an InputError naming both inputs when neither a metrics file nor predictions are given", async () => {
    const error = await caught(load({ baseline: "b.json" }, { "b.json": "{}" }));
    expect(error).toMatchObject({ name: "InputError", input: "candidate" });
    expect(error.message).toContain('"candidate" and "candidate-predictions"');
  });
});
