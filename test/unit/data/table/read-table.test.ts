import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { readTable } from "../../../../shared/src/data/table/read-table.js";
import type { ColumnRequest } from "../../../../shared/src/data/table/column-request.js";
import type { NumberColumn, StringColumn, Table } from "../../../../shared/src/data/table/table.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const access = { workspace: fixtures, allowedRoots: [fixtures] };

const ALL: ColumnRequest[] = [
  { name: "id", as: "string", required: true },
  { name: "label", as: "auto", required: true },
  { name: "score", as: "number", required: true },
  { name: "group", as: "string", required: true },
  { name: "note", as: "string", required: true },
  { name: "amount", as: "number", required: true },
];

// The reference table, written by hand from the rows in fixtures/SOURCE.md.
const EXPECTED = {
  id: {
    kind: "string",
    name: "id",
    codes: Int32Array.from([0, 1, 2, 3, 4]),
    dictionary: ["r1", "r2", "r3", "r4", "r5"],
    missing: 0,
  },
  label: {
    kind: "number",
    name: "label",
    values: Float64Array.from([1, 0, 1, 0, 1]),
    missing: 0,
    nonNumeric: 0,
    nonFinite: 0,
  },
  score: {
    kind: "number",
    name: "score",
    values: Float64Array.from([0.91, 0.12, NaN, 0.5, 0.001]),
    missing: 1,
    nonNumeric: 0,
    nonFinite: 0,
  },
  group: {
    kind: "string",
    name: "group",
    codes: Int32Array.from([0, 1, 2, 0, -1]),
    dictionary: ["Zürich", "東京", "São Paulo"],
    missing: 1,
  },
  note: {
    kind: "string",
    name: "note",
    codes: Int32Array.from([0, 1, 2, 3, 4]),
    dictionary: ["plain", "has, comma", 'says "hi"', "two\nlines", "🚀 rocket"],
    missing: 0,
  },
  amount: {
    kind: "number",
    name: "amount",
    values: Float64Array.from([12.5, NaN, -300, NaN, 7]),
    missing: 1,
    nonNumeric: 1,
    nonFinite: 0,
  },
};

// sha256sum test/unit/data/table/fixtures/<file>, run when the fixtures were written.
const FIXTURES: Array<[string, string, Table["format"], boolean]> = [
  ["table.csv", "5e25d3ceca571280bfab57da9c88b9c2994f106e6e3af21878984223b8ed66de", "csv", false],
  ["table.csv.gz", "5095458e26614d46506e3e3ded5eef0549fe61140da709e7a7ec3eb6aef96898", "csv", true],
  ["table.tsv", "30970dbb4f1ccb2fdf3e4bc7a1a1963dbadee492faf4248d45ae5854cd75ea87", "tsv", false],
  ["table.tsv.gz", "65d6a5bc310092ccf56026890ec98b2a541642a9f8753563332098c4da52f35e", "tsv", true],
  ["table.jsonl", "1b611aaeafa387b9ff1e61f3cb0fdc4d759bf653db092930c646f8cdc7d15a1e", "jsonl", false],
  ["table.jsonl.gz", "275f62e4add97fff7bf9be0d5127bae8bdabcb51c164c040935f983a4f9d3795", "jsonl", true],
  ["table.parquet", "8c05752e22af5142b646444d25e8b2c7dd1c339d7220d12641461a3a8540ce5b", "parquet", false],
  ["table-gzip.parquet", "fa337e812f9723dc1d791902610be58b4d6b1e5140227fa04d5e7e8a2ff029a6", "parquet", false],
];

const read = (file: string, columns: ColumnRequest[] = ALL, where = access) =>
  readTable(file, where, { input: "data", columns });

describe("readTable", () => {
  it.each(FIXTURES)("reads %s into the reference table", async (file, _sha, format, gzip) => {
    const table = await read(file);
    expect(table).toMatchObject({ name: file, format, gzip, rows: 5, warnings: [] });
    expect(table.fileColumns).toEqual(["id", "label", "score", "group", "note", "amount"]);
    expect(Object.fromEntries(table.columns)).toEqual(EXPECTED);
  });

  it.each(FIXTURES)("digests the bytes of %s as sha256sum does", async (file, sha256) => {
    const table = await read(file, []);
    expect(table.sha256).toBe(sha256);
  });

  it("reads a .gz file too large to inflate at once as it reads a small one, streamed", async () => {
    // Random ids hardly compress: the large file is over 1 MiB, so it is streamed, not inflated whole.
    const ids = Array.from({ length: 50_000 }, () => randomBytes(24).toString("base64url"));
    const csv = (rows: number) =>
      `id,n\n${ids
        .slice(0, rows)
        .map((id, i) => `${id},${i}`)
        .join("\n")}\n`;
    const dir = mkdtempSync(path.join(tmpdir(), "modelgate-gz-"));
    const where = { workspace: dir, allowedRoots: [dir] };
    const columns: ColumnRequest[] = [
      { name: "id", as: "string", required: true },
      { name: "n", as: "number", required: true },
    ];
    for (const rows of [50_000, 100]) {
      const file = `rows-${rows}.csv.gz`;
      const bytes = gzipSync(csv(rows));
      if (rows === 50_000) expect(bytes.length).toBeGreaterThan(1 << 20);
      writeFileSync(path.join(dir, file), bytes);
      const table = await read(file, columns, where);
      expect(table).toMatchObject({ rows, bytes: bytes.length, gzip: true });
      expect(table.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect((table.columns.get("id") as StringColumn).dictionary).toEqual(ids.slice(0, rows));
      expect((table.columns.get("n") as NumberColumn).values[rows - 1]).toBe(rows - 1);
    }
  });
});

const workspace = mkdtempSync(path.join(tmpdir(), "mg-table-"));
const tempAccess = { workspace, allowedRoots: [workspace] };
/** Writes `content` to a file in a temp workspace and returns the name to read it by. */
function write(name: string, content: string | Buffer): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}
const readTemp = (file: string, columns: ColumnRequest[]) => readTable(file, tempAccess, { input: "data", columns });

describe("readTable column selection", () => {
  it.each(["table.csv", "table.jsonl", "table.parquet"])(
    "reads an auto column with a text cell after numbers as strings from %s",
    async (file) => {
      const table = await read(file, [{ name: "amount", as: "auto", required: true }]);
      expect(table.columns.get("amount")).toEqual({
        kind: "string",
        name: "amount",
        codes: Int32Array.from([0, 1, 2, -1, 3]),
        dictionary: ["12.5", "n/a", "-300", "7"],
        missing: 1,
      });
    },
  );

  it("reads an auto column whose first present cell is text as strings, keeping the leading blanks missing", async () => {
    const file = write("blank-first.csv", "a,b\n,1\n  ,2\nx,3\n4,4\n");
    const table = await readTemp(file, [{ name: "a", as: "auto", required: true }]);
    expect(table.columns.get("a")).toEqual({
      kind: "string",
      name: "a",
      codes: Int32Array.from([-1, -1, 0, 1]),
      dictionary: ["x", "4"],
      missing: 2,
    });
  });

  it("keeps NaN and inf spellings in an auto column numeric and counts them as non-finite", async () => {
    const file = write("non-finite.csv", "x\n1.5\nNaN\n-inf\nInfinity\n1e999\n\n2\n");
    const table = await readTemp(file, [{ name: "x", as: "auto", required: true }]);
    expect(table.columns.get("x")).toEqual({
      kind: "number",
      name: "x",
      values: Float64Array.from([1.5, NaN, NaN, NaN, NaN, 2]),
      missing: 0,
      nonNumeric: 0,
      nonFinite: 4,
    });
  });

  it("returns only the requested columns, in request order, and leaves out an absent optional one", async () => {
    const table = await read("table.csv", [
      { name: "score", as: "number", required: true },
      { name: "id", as: "string", required: true },
      { name: "weight", as: "number", required: false },
    ]);
    expect([...table.columns.keys()]).toEqual(["score", "id"]);
    expect(table.columns.get("score")).toEqual(EXPECTED.score);
  });

  it("reads only the requested Parquet columns' bytes when another column's pages are destroyed", async () => {
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path.join(fixtures, "table.parquet")));
    const bytes = readFileSync(path.join(fixtures, "table.parquet"));
    for (const group of metadata.row_groups) {
      const note = group.columns.find((column) => column.meta_data?.path_in_schema[0] === "note")!.meta_data!;
      const start = Number(note.dictionary_page_offset ?? note.data_page_offset);
      bytes.fill(0xff, start, start + Number(note.total_compressed_size));
    }
    const file = write("note-destroyed.parquet", bytes);
    const table = await readTemp(file, [
      { name: "id", as: "string", required: true },
      { name: "score", as: "number", required: true },
    ]);
    expect(Object.fromEntries(table.columns)).toEqual({ id: EXPECTED.id, score: EXPECTED.score });
    await expect(readTemp(file, [{ name: "note", as: "string", required: true }])).rejects.toThrow(
      /not a readable Parquet file/,
    );
  });

  it("warns about duplicate names among columns it does not read", async () => {
    const file = write("dup.csv", "x,y,y,z,z,z\n1,2,3,4,5,6\n");
    const table = await readTemp(file, [{ name: "x", as: "number", required: true }]);
    expect(table.warnings).toEqual([
      'dup.csv has duplicate column names that this step does not read: "y" (2 times), "z" (3 times).',
    ]);
    expect(table.columns.get("x")).toMatchObject({ values: Float64Array.from([1]) });
  });

  it("refuses a requested column that appears twice", async () => {
    const file = write("dup-requested.csv", "x,y,x\n1,2,3\n");
    await expect(readTemp(file, [{ name: "x", as: "number", required: true }])).rejects.toThrow(
      /has 2 columns named "x" \(columns 1, 3\), so it is ambiguous/,
    );
  });

  it("reads a header-only file as zero rows", async () => {
    const file = write("header-only.csv", "x,y\n");
    const table = await readTemp(file, [{ name: "x", as: "number", required: true }]);
    expect(table.rows).toBe(0);
    expect(table.columns.get("x")).toEqual({
      kind: "number",
      name: "x",
      values: new Float64Array(0),
      missing: 0,
      nonNumeric: 0,
      nonFinite: 0,
    });
  });

  it("keeps a quote inside an unquoted field as text, as pandas does", async () => {
    const file = write("inch.csv", 'x,size\n1,5" screen\n');
    const table = await readTemp(file, [{ name: "size", as: "string", required: true }]);
    expect(table.columns.get("size")).toMatchObject({ dictionary: ['5" screen'] });
  });

  it("drops a UTF-8 byte order mark before the first header name", async () => {
    const file = write("bom.csv", "\ufeffx,y\n1,2\n");
    const table = await readTemp(file, [{ name: "x", as: "number", required: true }]);
    expect(table.fileColumns).toEqual(["x", "y"]);
  });

  it("reads .ndjson as JSON Lines, bare NaN/Infinity as non-finite, and a key named like an Object method only when present", async () => {
    const file = write("rows.ndjson", '{"x": NaN, "constructor": "a"}\r\n{"x": -Infinity, "s": "NaN"}\n{"x": 2}');
    const table = await readTemp(file, [
      { name: "x", as: "number", required: true },
      { name: "constructor", as: "string", required: true },
    ]);
    expect(table.format).toBe("jsonl");
    expect(table.columns.get("x")).toEqual({
      kind: "number",
      name: "x",
      values: Float64Array.from([NaN, NaN, 2]),
      missing: 0,
      nonNumeric: 0,
      nonFinite: 2,
    });
    expect(table.columns.get("constructor")).toMatchObject({
      codes: Int32Array.from([0, -1, -1]),
      dictionary: ["a"],
      missing: 2,
    });
  });

  it("reads typed Parquet columns: INT64 and BOOLEAN as numbers, TIMESTAMP as ISO text, a stored NaN as non-finite", async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "big", type: "INT64", data: [1n, -2n, null] },
        { name: "flag", type: "BOOLEAN", data: [true, false, null] },
        { name: "at", type: "TIMESTAMP", data: [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), null, new Date(0)] },
        { name: "f", type: "DOUBLE", data: [NaN, 1.25, -Infinity] },
      ],
    });
    const file = write("typed.parquet", Buffer.from(buffer));
    const table = await readTemp(file, [
      { name: "big", as: "auto", required: true },
      { name: "flag", as: "number", required: true },
      { name: "at", as: "auto", required: true },
      { name: "f", as: "number", required: true },
    ]);
    expect(Object.fromEntries(table.columns)).toEqual({
      big: {
        kind: "number",
        name: "big",
        values: Float64Array.from([1, -2, NaN]),
        missing: 1,
        nonNumeric: 0,
        nonFinite: 0,
      },
      flag: {
        kind: "number",
        name: "flag",
        values: Float64Array.from([1, 0, NaN]),
        missing: 1,
        nonNumeric: 0,
        nonFinite: 0,
      },
      at: {
        kind: "string",
        name: "at",
        codes: Int32Array.from([0, -1, 1]),
        dictionary: ["2024-01-02T03:04:05.000Z", "1970-01-01T00:00:00.000Z"],
        missing: 1,
      },
      f: {
        kind: "number",
        name: "f",
        values: Float64Array.from([NaN, 1.25, NaN]),
        missing: 0,
        nonNumeric: 0,
        nonFinite: 2,
      },
    });
  });

  it("rejects the same column requested twice as a caller error", async () => {
    const twice: ColumnRequest[] = [
      { name: "x", as: "number", required: true },
      { name: "x", as: "string", required: true },
    ];
    await expect(read("table.csv", twice)).rejects.toThrow('readTable: column "x" is requested twice.');
  });
});
