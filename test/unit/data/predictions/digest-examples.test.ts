import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestExamples } from "../../../../shared/src/data/predictions/digest-examples.js";
import type { Predictions } from "../../../../shared/src/data/predictions/predictions.js";

function predictions(
  rows: [id: string | undefined, label: number, prediction: number][],
  extra: Partial<Predictions> = {},
  task: Predictions["task"] = "classification",
): Predictions {
  const hasIds = rows.every(([id]) => id !== undefined);
  return {
    task,
    input: "candidate-predictions",
    name: "predictions.csv",
    sha256: "0".repeat(64),
    rows: rows.length,
    ...(hasIds && { ids: rows.map(([id]) => id!) }),
    labels: Float64Array.from(rows.map(([, label]) => label)),
    predictions: Float64Array.from(rows.map(([, , prediction]) => prediction)),
    warnings: [],
    ...(task === "classification" && { positiveLabel: "yes", negativeLabel: "no" }),
    ...extra,
  };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("digestExamples", () => {
  it("hashes the canonical text: header, task, label texts, then id and label per example in id order", () => {
    const reference = sha256("modelgate.examples/v1\nclassification\npositive\tyes\nnegative\tno\na\t1\nb\t0\nc\t1\n");
    expect(
      digestExamples(
        predictions([
          ["b", 0, 1],
          ["a", 1, 1],
          ["c", 1, 0],
        ]),
      ),
    ).toBe(reference);
  });

  it("gives two models scored on the same examples the same digest whatever their predictions or row order", () => {
    const one = predictions([
      ["1", 1, 1],
      ["2", 0, 0],
      ["3", 1, 0],
    ]);
    const other = predictions(
      [
        ["3", 1, 1],
        ["1", 1, 0],
        ["2", 0, 1],
      ],
      { scores: Float64Array.from([0.9, 0.2, 0.7]) },
    );
    expect(digestExamples(other)).toBe(digestExamples(one));
  });

  it("changes when one label, one example or the positive label's text changes", () => {
    const base = digestExamples(
      predictions([
        ["1", 1, 1],
        ["2", 0, 0],
      ]),
    );
    expect(
      digestExamples(
        predictions([
          ["1", 1, 1],
          ["2", 1, 0],
        ]),
      ),
    ).not.toBe(base);
    expect(
      digestExamples(
        predictions([
          ["1", 1, 1],
          ["3", 0, 0],
        ]),
      ),
    ).not.toBe(base);
    expect(digestExamples(predictions([["1", 1, 1]]))).not.toBe(base);
    expect(
      digestExamples(
        predictions(
          [
            ["1", 1, 1],
            ["2", 0, 0],
          ],
          { positiveLabel: "churned" },
        ),
      ),
    ).not.toBe(base);
  });

  it("keeps file order with empty ids when the file has no id column", () => {
    const rows: [undefined, number, number][] = [
      [undefined, 0, 1],
      [undefined, 1, 1],
    ];
    const reference = sha256("modelgate.examples/v1\nclassification\npositive\tyes\nnegative\tno\n\t0\n\t1\n");
    expect(digestExamples(predictions(rows))).toBe(reference);
  });

  it("writes regression labels as the shortest round-trip number and hashes more lines than one buffer holds", () => {
    const count = 10_000;
    const rows = Array.from(
      { length: count },
      (_, i) => [String(i).padStart(5, "0"), i / 7, 0] as [string, number, number],
    );
    const text = rows.map(([id, label]) => `${id}\t${label}\n`).join("");
    const reference = sha256(`modelgate.examples/v1\nregression\npositive\t\nnegative\t\n${text}`);
    expect(digestExamples(predictions(rows, {}, "regression"))).toBe(reference);
  });
});
