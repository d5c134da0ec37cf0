import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { scanDelimitedPlain } from "../../../../shared/src/data/table/scan-delimited-plain.js";
import { createColumnBuilder } from "../../../../shared/src/data/table/create-column-builder.js";
import type { ColumnReadAs } from "../../../../shared/src/data/table/column-request.js";
import { ReadLimits } from "../../../../shared/src/data/files/read-limits.js";
import type { ReadLimitValues } from "../../../../shared/src/data/files/read-limits.js";

const dir = mkdtempSync(path.join(tmpdir(), "modelgate-text-lines-"));
const write = (file: string, content: string | Buffer) => {
  writeFileSync(path.join(dir, file), content);
  return file;
};

interface ScanOptions {
  as?: ColumnReadAs;
  limits?: Partial<ReadLimitValues>;
  maxRecordChars?: number;
  /** Passes the file's size, so the columns are sized for the rows estimated from the first chunk. */
  sized?: boolean;
}

/**
 * One byte-level pass over `file` with every column read `as` says, its first chunk read as text (`textBelow` Infinity)
 * or as bytes (0): what it gave (undefined when it gave way to the full parser) with each column finished, or the error.
 */
async function scan(file: string, textBelow: number, options: ScanOptions = {}) {
  const { as = "auto", limits, maxRecordChars = 0, sized = false } = options;
  const source = { input: "data", file, absolute: path.join(dir, file) };
  const guard = new ReadLimits(limits).guard(source);
  try {
    const pass = await scanDelimitedPlain(
      source,
      file.endsWith(".gz"),
      file.includes(".tsv") ? "\t" : ",",
      (header) => header.map((name) => ({ name, required: true, as })),
      (header, requests, expectedRows) =>
        requests.map(
          (request) => [header.indexOf(request.name), createColumnBuilder(request, expectedRows, guard)] as const,
        ),
      maxRecordChars,
      guard,
      sized ? statSync(source.absolute).size : 0,
      undefined,
      textBelow,
    );
    if (pass === undefined) return { gaveWay: true };
    const columns = pass.bound.map(([position, builder]) => [position, builder.finish()]);
    return { rows: pass.rows, fileColumns: pass.fileColumns, columns, sha256: pass.sha256 };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The pass over `file` read as text first, checked equal to the pass over its bytes alone. */
async function bothWays(file: string, options?: ScanOptions) {
  const text = await scan(file, Infinity, options);
  expect(text).toEqual(await scan(file, 0, options));
  return text;
}

const rowsOf = (count: number, row: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => row(i)).join("\n");

describe("the text reading of a delimited file's first chunk", () => {
  it.each([
    ["LF", "id,x,city\n1,12.5,Zürich\n\n2,-0.5e3,São Paulo\n3,,  spaced \n4,NaN,\n5,1e999,東京\n"],
    ["CRLF with a BOM and blank lines", "\ufeffid,x,city\r\n\r\n1,12.5,Zürich\r\n\r\n2,-0,x\r\n"],
    ["blank lines before the header", "\n\nid,x\n1,2\n"],
    ["blank CRLF lines before the header", "\r\n\r\nid,x\r\n1,2\r\n"],
    ["no final newline", "id,x\n1,2\n3,4"],
    ["a CRLF header and rows", `id,x\r\n${rowsOf(50, (i) => `${i},${i * 2}`).replaceAll("\n", "\r\n")}\r\n`],
    ["a header alone", "id,x\n"],
    ["blank lines alone", "\n\n\n"],
    [
      "every spelling of a number",
      "x\n+1\n.5\n5.\n01\n0x10\n 5\n5 \n-0\n-.5\n1E5\n1e-7\n123456789012345678\n0.1000000000000000055511151231257827\n",
    ],
    ["non-finite spellings", "x\ninf\n-Infinity\nnan\n1e400\n-1e400\n2\n"],
    ["a number column that turns to text", "x,y\n1,2\n3,four\n5,6\n"],
    ["a number column that starts blank and turns to text", "x\n\n \nabc\n1\n"],
    ["JSON's other values", "x,y,z\ntrue,null,[1]\nfalse,{},2\n"],
    ["invalid UTF-8", Buffer.from([...Buffer.from("id,t\n1,a"), 0xc3, 0x2c, 0xff, 0x0a, 0x32, 0x2c, 0xe6, 0x9d, 0x0a])],
  ])("reads %s as the byte loop does", async (name, content) => {
    const file = write(`both-${name.replace(/\W+/g, "-")}.csv`, content);
    for (const as of ["auto", "number", "string"] as const) {
      await bothWays(file, { as });
      // Sized for the rows in sight: a tight memory limit shows the size each way chose.
      await bothWays(file, { as, sized: true, limits: { memory: 2_000 } });
    }
  });

  it("reads -0 and a JSON-parsed number column exactly", async () => {
    const file = write("exact.csv", `x\n${rowsOf(300, (i) => (i === 7 ? "-0" : String(i / 7)))}\n`);
    const pass = await bothWays(file, { as: "number" });
    const values = (pass.columns as [number, { values: Float64Array }][])[0]![1].values;
    expect(Object.is(values[7], -0)).toBe(true);
    expect(values[300 - 1]).toBe(299 / 7);
  });

  it("reads a TSV whose number cells hold commas as the byte loop does", async () => {
    const file = write("commas.tsv", "x\ty\n1,5\t2\n3\t4\n");
    expect(await bothWays(file)).toMatchObject({ rows: 2 });
    const split = write("split-commas.tsv", "x\ty\n1,\t2\n,3\t4\n");
    await bothWays(split);
  });

  it.each([
    ["a quote", 'a,b\n1,2\n3,"4"\n'],
    ["a lone carriage return", "a,b\n1,2\n3,4\r5\n"],
    ["a ragged row", "a,b\n1,2\n3,4,5\n"],
    ["a short row", "a,b\n1,2\n3\n"],
    ["a quoted header", '"a",b\n1,2\n'],
  ])("gives way to the full parser at %s, as the byte loop does", async (_name, content) => {
    expect(await bothWays(write(`give-way-${_name.replace(/\W+/g, "-")}.csv`, content))).toEqual({ gaveWay: true });
  });

  it("reads rows over the record limit as the byte loop does", async () => {
    const file = write("long-rows.csv", `a,b\n1,${"9".repeat(200)}\n2,3\n`);
    expect(await bothWays(file, { maxRecordChars: 100 })).toEqual({ gaveWay: true });
    expect(await bothWays(file, { maxRecordChars: 1000 })).toMatchObject({ rows: 2 });
  });

  it("reads gzip the same way", async () => {
    const file = write(
      "rows.csv.gz",
      gzipSync(`id,x,g\n${rowsOf(5_000, (i) => `r${i},${i * 0.25},${"abc"[i % 3]}`)}\n`),
    );
    expect(await bothWays(file)).toMatchObject({ rows: 5_000 });
  });

  it("reads across chunk boundaries as the byte loop does: the first 1 MiB as text, the rest as bytes", async () => {
    // 3 MiB of CRLF rows of varying length, blank lines throughout, and a column that turns to text in chunk three.
    const lines = ["\ufeffid,x,label,late"];
    for (let i = 0; i < 70_000; i++) {
      lines.push(`${i},${(i * 0.37).toFixed(i % 9)},${"ab".repeat(i % 17)}z,${i === 65_000 ? "text" : i % 10}`);
      if (i % 4_999 === 0) lines.push("");
    }
    const file = write("chunks.csv", `${lines.join("\r\n")}\r\n`);
    expect(await bothWays(file)).toMatchObject({ rows: 70_000 });
  });

  it("refuses at the same row as the byte loop when the memory limit is reached", async () => {
    const numbers = write("memory-numbers.csv", `x,y\n${rowsOf(20_000, (i) => `${i},${i / 3}`)}\n`);
    const texts = write("memory-texts.csv", `id,g\n${rowsOf(20_000, (i) => `customer-${i},${i % 7}`)}\n`);
    for (const memory of [1_000, 40_000, 64 * 1024, 100_000]) {
      for (const [file, sized] of [numbers, texts].flatMap(
        (file) =>
          [
            [file, false],
            [file, true],
          ] as const,
      )) {
        const pass = await bothWays(file, { limits: { memory }, sized });
        expect(pass.error).toMatch(/the memory limit \((reached at row [\d,]+|reached before the first row.*)\)\.$/);
      }
    }
    // Blocks of 64, 128, … 2,048 numbers hold rows 1 to 4,032 of both columns (64,512 bytes); at row 4,033 each
    // column needs a block of 4,096 (32 KiB): the second passes 100,000 bytes. A third of the y cells have 17 digits
    // (read through their text by the byte loop), the rest are gathered into runs: neither moves the row.
    expect((await scan(numbers, Infinity, { limits: { memory: 100_000 } })).error).toMatch(
      /\(reached at row 4,033\)\.$/,
    );
    // Sized up front for the rows estimated (20,000 × 1.05 + 16, 8 bytes each, per column), the numbers fit in 400 kB.
    expect(await bothWays(numbers, { limits: { memory: 400_000 }, sized: true })).toMatchObject({ rows: 20_000 });
  });

  it("refuses at the same row as the byte loop when the rows limit is reached", async () => {
    const file = write("rows-limit.csv", `x\n${rowsOf(1_000, String)}\n`);
    expect((await bothWays(file, { limits: { rows: 500 } })).error).toMatch(/reading stopped at row 501\)\.$/);
  });
});
