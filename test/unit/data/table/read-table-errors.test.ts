import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTable } from "../../../../shared/src/data/table/read-table.js";
import type { ColumnRequest } from "../../../../shared/src/data/table/column-request.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const root = mkdtempSync(path.join(tmpdir(), "mg-table-errors-"));
const workspace = path.join(root, "workspace");
mkdirSync(workspace);
const access = { workspace, allowedRoots: [workspace] };
/** Writes `content` to a file in a temp workspace and returns the name to read it by. */
function write(name: string, content: string | Buffer): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}
const readTemp = (file: string, columns: ColumnRequest[]) => readTable(file, access, { input: "data", columns });

describe("readTable errors", () => {
  const x: ColumnRequest[] = [{ name: "x", as: "number", required: true }];

  /** Expects a DataError naming the input and file, with a message matching `message`. */
  async function expectDataError(promise: Promise<unknown>, file: string, message: RegExp): Promise<void> {
    const error: unknown = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: "DataError", input: "data", file });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`Input "data": ${file}`);
    expect((error as { hint: string }).hint.length).toBeGreaterThan(20);
  }

  it("names a missing file and where it looked", async () => {
    await expectDataError(readTemp("nope.csv", x), "nope.csv", /nope\.csv does not exist \(looked at .*nope\.csv\)/);
  });

  it("refuses a folder", async () => {
    mkdirSync(path.join(workspace, "folder.csv"));
    await expectDataError(readTemp("folder.csv", x), "folder.csv", /is a folder, not a file/);
  });

  it.each([
    [
      "table.xlsx",
      /extension "\.xlsx"; tables must be \.csv, \.csv\.gz, \.tsv, \.tsv\.gz, \.jsonl, \.jsonl\.gz, \.ndjson, \.ndjson\.gz, \.parquet\./,
    ],
    ["table.parquet.gz", /extension "\.parquet\.gz"/],
    ["table", /extension "\(none\)"/],
  ])("refuses the unsupported name %s and lists the accepted extensions", async (file, message) => {
    await expectDataError(readTemp(file, x), file, message);
  });

  it("refuses a git: spec, which names no file on disk", async () => {
    await expectDataError(
      readTemp("git:main:table.csv", x),
      "git:main:table.csv",
      /names a file at a git ref, but tables are read from files on disk\./,
    );
  });

  it("lists the columns that exist when a required one is absent, at most 20, and suggests a near match", async () => {
    const header = Array.from({ length: 25 }, (_, i) => `c${i}`).concat("Label");
    const file = write("wide.csv", `${header.join(",")}\n${header.map(() => "1").join(",")}\n`);
    const error = readTemp(file, [{ name: "label", as: "number", required: true }]);
    await expectDataError(
      error,
      file,
      /has no column "label" \(required\)\. Its columns: "c0", "c1", .*"c19" and 6 more\./,
    );
    await expect(readTemp(file, [{ name: "label", as: "number", required: true }])).rejects.toMatchObject({
      hint: expect.stringMatching(/^Did you mean "Label"\?/),
    });
  });

  it("lists the JSONL keys seen when a required column is in no line", async () => {
    const file = write("keys.jsonl", '{"a": 1}\n{"b": 2}\n');
    await expectDataError(readTemp(file, x), file, /has no column "x" \(required\)\. Its columns: "a", "b"\./);
  });

  it("gives the line of a ragged CSV row, counting the lines inside a quoted field", async () => {
    const file = write("ragged.csv", 'x,y\n1,"two\nlines"\n3,4\n5,6,7\n');
    await expectDataError(readTemp(file, x), file, /ragged\.csv line 5 has 3 fields; the header has 2\./);
  });

  it("gives the header's width when the parser meets the ragged row before the header reaches the reader", async () => {
    const file = write("ragged-early.csv", "x,y,z\n1,1,0.9\n0,0,0.1,5\n1,1,1\n");
    await expectDataError(readTemp(file, x), file, /ragged-early\.csv line 3 has 4 fields; the header has 3\./);
  });

  it("gives the line of a ragged TSV row", async () => {
    const file = write("ragged.tsv", "x\ty\n1\t2\n3\n");
    await expectDataError(readTemp(file, x), file, /ragged\.tsv line 3 has 1 field; the header has 2\./);
  });

  it("refuses a quoted field that is never closed", async () => {
    const file = write("open-quote.csv", 'x,y\n1,"abc\n2,3\n');
    await expectDataError(
      readTemp(file, x),
      file,
      /ends inside a quoted field: a quote opened before line 3 is never closed\./,
    );
  });

  it("gives the line of a JSONL line that is not JSON, counting blank lines", async () => {
    const file = write("bad.jsonl", '{"x": 1}\n\n{"x": 2,}\n');
    await expectDataError(readTemp(file, x), file, /bad\.jsonl line 3 is not valid JSON/);
  });

  it.each([
    ["[1, 2]", "an array"],
    ["null", "null"],
    ["3", "a number"],
    ['"x"', "a string"],
  ])("refuses the JSONL line %s, which is not an object", async (line, what) => {
    const file = write("not-object.jsonl", `{"x": 1}\n${line}\n`);
    await expectDataError(readTemp(file, x), file, new RegExp(`line 2 is ${what}, not a JSON object\\.`));
  });

  it("refuses a .gz file that is not gzip", async () => {
    const file = write("plain.csv.gz", "x\n1\n");
    await expectDataError(readTemp(file, x), file, /is not valid gzip data \(incorrect header check\)/);
  });

  it("refuses a truncated gzip stream", async () => {
    const whole = gzipSync(`x\n${"1\n".repeat(10_000)}`);
    const file = write("truncated.csv.gz", whole.subarray(0, whole.length - 20));
    await expectDataError(readTemp(file, x), file, /ends in the middle of the compressed data/);
  });

  it("refuses a file that is not Parquet", async () => {
    const file = write("fake.parquet", "x\n1\n");
    await expectDataError(readTemp(file, x), file, /is not a readable Parquet file/);
  });

  it("refuses a truncated Parquet file", async () => {
    const bytes = readFileSync(path.join(fixtures, "table.parquet"));
    const file = write("truncated.parquet", bytes.subarray(0, 1000));
    await expectDataError(readTemp(file, x), file, /is not a readable Parquet file/);
  });

  it.each([
    ["empty.csv", "", /is empty: it is 0 bytes\./],
    ["blank.csv", "\n\n\n", /is empty: it has no header row\./],
    ["blank.jsonl", "\n  \n", /is empty: it has no JSON lines\./],
    ["empty.parquet", "", /is empty: it is 0 bytes\./],
  ])("refuses the empty file %s", async (name, content, message) => {
    await expectDataError(readTemp(write(name, content), x), name, message);
  });

  it("refuses a gzip file whose content is empty", async () => {
    const file = write("empty.csv.gz", gzipSync(""));
    await expectDataError(readTemp(file, x), file, /is empty: it has no header row\./);
  });

  it("refuses a path that leaves the workspace", async () => {
    copyFileSync(path.join(fixtures, "table.csv"), path.join(root, "outside.csv"));
    await expect(readTemp("../outside.csv", x)).rejects.toThrow(/points outside the workspace/);
  });
});
