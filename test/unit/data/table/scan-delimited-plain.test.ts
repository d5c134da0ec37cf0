import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTable } from "../../../../shared/src/data/table/read-table.js";
import { scanDelimitedPlain } from "../../../../shared/src/data/table/scan-delimited-plain.js";
import { createColumnBuilder } from "../../../../shared/src/data/table/create-column-builder.js";
import type { Table, TableColumn } from "../../../../shared/src/data/table/table.js";
import { ReadLimits } from "../../../../shared/src/data/files/read-limits.js";

const dir = mkdtempSync(path.join(tmpdir(), "modelgate-plain-"));
const access = { workspace: dir, allowedRoots: [dir] };
const write = (file: string, content: string | Buffer) => {
  writeFileSync(path.join(dir, file), content);
  return file;
};
const readAll = (file: string) => readTable(file, access, { input: "data", columns: { all: "auto" } });
const plain = (file: string, maxRecordChars = 0) =>
  scanDelimitedPlain(
    { input: "data", file, absolute: path.join(dir, file) },
    file.endsWith(".gz"),
    file.includes(".tsv") ? "\t" : ",",
    (header) => header.map((name) => ({ name, required: true, as: "auto" as const })),
    (header, requests) =>
      requests.map((request) => [header.indexOf(request.name), createColumnBuilder(request)] as const),
    maxRecordChars,
    new ReadLimits().guard({ input: "data", file, absolute: path.join(dir, file) }),
  );
/** The table without what differs between two files of the same content: name, digest and size. */
const content = (table: Table) => ({
  rows: table.rows,
  fileColumns: table.fileColumns,
  columns: [...table.columns],
  warnings: table.warnings,
});

// Every shape the byte-level pass accepts: a BOM, CRLF, blank lines, no final newline, empty and non-finite cells,
// UTF-8 text, numbers in every spelling, a column that turns out to be text after numbers (read twice).
const ROWS = [
  "id,amount,city,mixed",
  "1,12.5,Zürich,7",
  "",
  "2,-0.5e3,São Paulo,x",
  "3,,  spaced ,inf",
  "4,NaN,,8",
  "5,1e999,東京,9",
];

describe("the byte-level pass over unquoted delimited files", () => {
  it.each([
    ["LF", `${ROWS.join("\n")}\n`],
    ["CRLF with a BOM", `\ufeff${ROWS.join("\r\n")}\r\n`],
    ["no final newline", ROWS.join("\n")],
  ])("reads %s exactly as the RFC 4180 parser does", async (_name, text) => {
    const file = write(`plain-${_name.replace(/\W+/g, "-")}.csv`, text);
    // The same content with one field quoted: the quote sends it through the full parser.
    const quoted = write(`quoted-${_name.replace(/\W+/g, "-")}.csv`, text.replace("São Paulo", '"São Paulo"'));
    expect(await plain(file)).toBeDefined();
    expect(await plain(quoted)).toBeUndefined();
    expect(content(await readAll(file))).toEqual(content(await readAll(quoted)));
  });

  it("reads gzip and TSV the same way", async () => {
    const text = `${ROWS.join("\n")}\n`;
    const gz = write("rows.csv.gz", gzipSync(Buffer.from(text)));
    const tsv = write("rows.tsv", text.replaceAll(",", "\t"));
    expect(await plain(gz)).toBeDefined();
    expect(await plain(tsv)).toBeDefined();
    const reference = content(await readAll(write("rows.csv", text)));
    expect(content(await readAll(gz))).toEqual(reference);
    expect(content(await readAll(tsv))).toEqual(reference);
  });

  it.each([
    ["a quote", 'a,b\n1,"2"\n'],
    ["a quote inside an unquoted field", 'a,b\n1,5" screen\n'],
    ["a lone carriage return", "a,b\n1,2\r3\n"],
    ["a ragged row", "a,b\n1,2,3\n"],
    ["a short row", "a,b\n1\n"],
    ["a quoted header", '"a",b\n1,2\n'],
  ])("gives way to the full parser at %s", async (_name, text) => {
    expect(await plain(write(`give-way-${_name.replace(/\W+/g, "-")}.csv`, text))).toBeUndefined();
  });

  it("reads lines that chunk boundaries cut as the full parser does", async () => {
    // Over 3 MiB of rows of varying length (the reads are of 1 MiB), CRLF and blank lines throughout, a BOM, and a
    // text cell of 900 kB (within the default record limit): lines cut by a read.
    const lines = ["\ufeffid,x,label"];
    for (let i = 0; i < 60_000; i++) {
      lines.push(`${i},${(i * 0.37).toFixed(i % 9)},${"ab".repeat(i % 17)}z`);
      if (i % 4_999 === 0) lines.push("", "");
      if (i === 30_000) lines.push(`${i},1e-7,${"y".repeat(900_000)}`);
    }
    const text = `${lines.join("\r\n")}\r\n`;
    const file = write("chunked.csv", text);
    const quoted = write("chunked-quoted.csv", text.replace(",1e-7,", ',"1e-7",'));
    expect(await plain(file)).toBeDefined();
    const table = await readAll(file);
    expect(table.rows).toBe(60_001);
    expect(content(table)).toEqual(content(await readAll(quoted)));
  });

  it("reads a line longer than several reads when no record limit is set", async () => {
    const file = write("long-line.csv", `a,b\n1,${"x".repeat(2_500_000)}\n2,y\n3,z`);
    const pass = await plain(file);
    expect(pass?.rows).toBe(3);
    const b = pass?.bound[1]?.[1].finish() as TableColumn;
    expect(b.kind === "string" && b.dictionary.map((text) => text.length)).toEqual([2_500_000, 1, 1]);
  });

  it("gives way for a row over the record limit, so the full parser names its line", async () => {
    const file = write("long.csv", `a,b\n1,${"9".repeat(200)}\n`);
    expect(await plain(file, 100)).toBeUndefined();
    expect(await plain(file, 1000)).toBeDefined();
  });
});
