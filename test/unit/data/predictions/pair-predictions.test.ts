import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pairPredictions } from "../../../../shared/src/data/predictions/pair-predictions.js";
import type { Predictions } from "../../../../shared/src/data/predictions/predictions.js";
import { readPredictions } from "../../../../shared/src/data/predictions/read-predictions.js";
import { readPairedPredictions } from "../../stats/support/fixtures.js";

const oracle = readPairedPredictions();
const workspace = mkdtempSync(path.join(tmpdir(), "mg-pair-predictions-"));
const access = { workspace, allowedRoots: [workspace] };

/** Writes the oracle's rows for one model as a CSV with ids "ex<row>", in the given row order. */
function writeModel(name: string, model: "baseline" | "candidate", order: number[]): string {
  const pred = model === "baseline" ? oracle.baselinePred : oracle.candidatePred;
  const score = model === "baseline" ? oracle.baselineScore : oracle.candidateScore;
  const lines = order.map((i) => `ex${i},${oracle.yTrue[i]},${pred[i]},${score[i]}`);
  writeFileSync(path.join(workspace, name), `id,label,prediction,score\n${lines.join("\n")}\n`);
  return name;
}
const rows = oracle.yTrue.map((_, i) => i);
const read = (file: string, input: string) => readPredictions(file, access, { input, task: "classification" });

/** Predictions built in memory for the error cases; `labels` default to all 0. */
function predictions(input: string, fields: { ids?: string[]; labels?: number[]; rows?: number }): Predictions {
  const rows = fields.ids?.length ?? fields.labels?.length ?? fields.rows ?? 0;
  const labels = Float64Array.from(fields.labels ?? Array.from({ length: rows }, () => 0));
  return {
    task: "classification",
    input,
    name: `${input}.csv`,
    sha256: "0".repeat(64),
    rows,
    ...(fields.ids && { ids: fields.ids }),
    labels,
    predictions: labels,
    warnings: [],
  };
}

describe("pairPredictions", () => {
  it("reorders the baseline into the candidate's order when the files list the same ids in different orders", async () => {
    const candidate = await read(writeModel("candidate.csv", "candidate", rows), "candidate-predictions");
    const baseline = await read(
      writeModel("baseline-reversed.csv", "baseline", [...rows].reverse()),
      "baseline-predictions",
    );
    const paired = pairPredictions(candidate, baseline);
    expect(paired.pairedBy).toBe("id");
    expect(paired.baselineRows[0]).toBe(999);
    expect(paired.baselineRows[999]).toBe(0);
    expect(paired.baseline.ids).toEqual(candidate.ids);
    expect([...paired.baseline.labels]).toEqual(oracle.yTrue);
    expect([...paired.baseline.predictions]).toEqual(oracle.baselinePred);
    expect([...(paired.baseline.scores ?? [])]).toEqual(oracle.baselineScore);
    expect(paired.candidate).toBe(candidate);
  });

  it("pairs rows by position when neither file has an id column", () => {
    const candidate = predictions("candidate-predictions", { labels: [1, 0, 1] });
    const baseline = predictions("baseline-predictions", { labels: [1, 0, 1] });
    const paired = pairPredictions(candidate, baseline);
    expect(paired.pairedBy).toBe("position");
    expect([...paired.baselineRows]).toEqual([0, 1, 2]);
    expect([...paired.baseline.labels]).toEqual([1, 0, 1]);
  });

  it("counts the ids only in each file and quotes the first few when the row sets differ", () => {
    const candidate = predictions("candidate-predictions", { ids: ["a", "b", 'q"1', "line\nbreak", "c", "d", "e"] });
    const baseline = predictions("baseline-predictions", { ids: ["a", "b", "x"] });
    expect(() => pairPredictions(candidate, baseline)).toThrow(
      expect.objectContaining({
        name: "DataError",
        input: "candidate-predictions",
        message:
          'Input "candidate-predictions" (candidate-predictions.csv) and Input "baseline-predictions" (baseline-predictions.csv) hold different examples: ' +
          '5 ids are only in the candidate ("q\\"1", "line\\nbreak", "c", …), 1 only in the baseline ("x").',
      }),
    );
  });

  it("refuses to pair by position when the row counts differ", () => {
    const candidate = predictions("candidate-predictions", { rows: 3 });
    const baseline = predictions("baseline-predictions", { rows: 2 });
    expect(() => pairPredictions(candidate, baseline)).toThrow(
      /candidate-predictions\.csv\) has 3 rows but .* has 2; without ids, rows pair by position\./,
    );
  });

  it("names the file without ids when only the other has an id column", () => {
    const candidate = predictions("candidate-predictions", { rows: 2 });
    const baseline = predictions("baseline-predictions", { ids: ["a", "b"] });
    expect(() => pairPredictions(candidate, baseline)).toThrow(
      expect.objectContaining({
        name: "DataError",
        input: "candidate-predictions",
        message: expect.stringMatching(/has an id column but .*candidate-predictions\.csv\) does not/),
      }),
    );
  });

  it("refuses examples whose true label differs between the files and names the first", () => {
    const candidate = predictions("candidate-predictions", { ids: ["a", "b", "c"], labels: [1, 0, 1] });
    // a agrees (1, 1); b (0 vs 1) and c (1 vs 0) do not.
    const baseline = predictions("baseline-predictions", { ids: ["c", "b", "a"], labels: [0, 1, 1] });
    expect(() => pairPredictions(candidate, baseline)).toThrow(
      /disagree on the true label of 2 examples; the first is id "b"\./,
    );
  });
});
