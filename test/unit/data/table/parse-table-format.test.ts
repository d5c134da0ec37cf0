import { describe, expect, it } from "vitest";
import { parseTableFormat } from "../../../../shared/src/data/table/parse-table-format.js";
import { DataError } from "../../../../shared/src/core/modelgate-error.js";

describe("parseTableFormat", () => {
  it.each([
    ["data/train.csv", "csv", false],
    ["train.CSV.GZ", "csv", true],
    ["a.b.tsv", "tsv", false],
    ["rows.tsv.gz", "tsv", true],
    ["preds.jsonl", "jsonl", false],
    ["preds.jsonl.gz", "jsonl", true],
    ["preds.ndjson", "jsonl", false],
    ["preds.ndjson.gz", "jsonl", true],
    ["part-0.parquet", "parquet", false],
  ])("reads %s as %s (gzip %s)", (name, format, gzip) => {
    expect(parseTableFormat(name, "data")).toEqual({ format, gzip });
  });

  it.each(["t.json", "t.csv.bz2", "t.gz", "t.parquet.gz", "csv", "t.xlsx"])(
    "refuses %s with a DataError naming the input and file",
    (name) => {
      expect(() => parseTableFormat(name, "data")).toThrow(DataError);
      expect(() => parseTableFormat(name, "data")).toThrow(`Input "data": ${name} has extension`);
    },
  );
});
