import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { LimitError } from "../../../../shared/src/data/files/limit-error.js";
import { readDataTable } from "../../../../shared/src/validate/read-data-table.js";
import { ReadLimits } from "../../../../shared/src/data/files/read-limits.js";
import type { ReadLimitValues } from "../../../../shared/src/data/files/read-limits.js";
import { readParquetTable } from "../../../../shared/src/data/table/read-parquet-table.js";
import { readTable } from "../../../../shared/src/data/table/read-table.js";
import { planTableParts } from "../../../../shared/src/data/table/plan-table-parts.js";
import type { ColumnRequest } from "../../../../shared/src/data/table/column-request.js";

const workspace = mkdtempSync(path.join(tmpdir(), "mg-limits-"));
function write(name: string, content: string | Uint8Array): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}
const access = (
  values: Partial<ReadLimitValues>,
  limits = new ReadLimits(values, (name) => `limits.${name} in modelgate.yml`),
) => ({ workspace, allowedRoots: [workspace], limits });
const every = { all: "auto" } as const;
const x: ColumnRequest[] = [{ name: "x", as: "number", required: true }];

/** The refusal of `promise`: a LimitError naming the input, file, limit and setting, with its message. */
async function refusal(promise: Promise<unknown>, file: string, limit: LimitError["limit"]): Promise<LimitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LimitError);
  const refused = error as LimitError;
  expect(refused).toMatchObject({ name: "LimitError", input: "data", file, limit });
  expect(refused.message).toMatch(/^Input "data": /);
  expect(refused.message).toContain(` ${file} `);
  expect(refused.hint).toContain(`limits.${limit} in modelgate.yml`);
  expect(refused.reached).toBeGreaterThan(refused.value);
  return refused;
}

const rowsOf = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join("\n");

describe("the rows limit", () => {
  it("refuses a CSV at the first row past the limit, naming the limit and the row reached", async () => {
    const file = write("rows.csv", `x,y\n${rowsOf(11, (i) => `${i},${i * 2}`)}\n`);
    const error = await refusal(readTable(file, access({ rows: 10 }), { input: "data", columns: x }), file, "rows");
    expect(error.message).toBe(
      'Input "data": rows.csv has more than 10 data rows, the rows limit (reading stopped at row 11).',
    );
    expect(error.reached).toBe(11);
    await expect(readTable(file, access({ rows: 11 }), { input: "data", columns: x })).resolves.toMatchObject({
      rows: 11,
    });
  });

  it.each([
    ["a quoted CSV (the RFC 4180 parser)", "rows-quoted.csv", `x,y\n${rowsOf(6, (i) => `${i},"a ${i}"`)}\n`],
    ["gzip", "rows.csv.gz", gzipSync(`x\n${rowsOf(6, String)}\n`)],
    ["JSON Lines", "rows.jsonl", `${rowsOf(6, (i) => JSON.stringify({ x: i }))}\n`],
  ])("refuses %s past the limit", async (_name, name, content) => {
    const file = write(name, content);
    await refusal(readTable(file, access({ rows: 5 }), { input: "data", columns: x }), file, "rows");
  });

  it("refuses a Parquet file from its footer's row count, before reading a column", async () => {
    const file = write(
      "rows.parquet",
      new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "x", type: "DOUBLE", data: [1, 2, 3, 4, 5, 6] }] })),
    );
    const error = await refusal(readTable(file, access({ rows: 5 }), { input: "data", columns: x }), file, "rows");
    expect(error.message).toContain("its footer declares 6");
  });
});

describe("the columns limit", () => {
  it("refuses a CSV whose header is wider than the limit, also when the gate reads one column", async () => {
    const file = write(
      "wide.csv",
      `x,${Array.from({ length: 20 }, (_, i) => `c${i}`).join(",")}\n1${",0".repeat(20)}\n`,
    );
    const error = await refusal(
      readTable(file, access({ columns: 20 }), { input: "data", columns: x }),
      file,
      "columns",
    );
    expect(error.message).toBe('Input "data": wide.csv has 21 columns, more than the columns limit of 20.');
  });

  it("counts JSON Lines keys as columns when every column is read", async () => {
    const file = write("keys.jsonl", `${rowsOf(3, (i) => JSON.stringify({ [`k${i}`]: i, x: i }))}\n`);
    await refusal(readTable(file, access({ columns: 3 }), { input: "data", columns: every }), file, "columns");
    await expect(readTable(file, access({ columns: 4 }), { input: "data", columns: every })).resolves.toMatchObject({
      fileColumns: ["k0", "x", "k1", "k2"],
    });
  });

  it("refuses a Parquet schema wider than the limit", async () => {
    const columnData = Array.from({ length: 4 }, (_, k) => ({ name: `c${k}`, type: "INT32" as const, data: [1, 2] }));
    const file = write("wide.parquet", new Uint8Array(parquetWriteBuffer({ columnData })));
    await refusal(readTable(file, access({ columns: 3 }), { input: "data", columns: every }), file, "columns");
  });
});

describe("the bytes limit", () => {
  it("refuses a plain file larger than the limit before reading it", async () => {
    const content = `x\n${rowsOf(100, String)}\n`;
    const file = write("big.csv", content);
    const error = await refusal(readTable(file, access({ bytes: 100 }), { input: "data", columns: x }), file, "bytes");
    expect(error.message).toBe(`Input "data": big.csv is ${content.length} B, more than the bytes limit of 100 B.`);
    await expect(
      readTable(file, access({ bytes: content.length }), { input: "data", columns: x }),
    ).resolves.toMatchObject({ rows: 100 });
  });

  it("stops inflating a gzip bomb at the limit: a small file of valid rows that inflates far past it", async () => {
    const rows = `x\n${"1\n".repeat(4 << 20)}`; // 8 MiB of rows in a few KiB
    const file = write("bomb.csv.gz", gzipSync(rows, { level: 9 }));
    const error = await refusal(
      readTable(file, access({ bytes: 2 ** 20 }), { input: "data", columns: x }),
      file,
      "bytes",
    );
    expect(error.message).toMatch(
      /^Input "data": bomb\.csv\.gz inflates to more than 1 MiB, the bytes limit on a table's uncompressed size \(reading stopped after 1(\.\d+)? MiB\)\.$/,
    );
    expect(error.reached).toBeLessThan(2 ** 20 + (1 << 17));
  });

  it("stops a gzip of blank lines, which holds no row, at the limit", async () => {
    const file = write("blank.csv.gz", gzipSync(`x\n${"\n".repeat(4 << 20)}1\n`));
    await refusal(readTable(file, access({ bytes: 2 ** 20 }), { input: "data", columns: x }), file, "bytes");
  });

  it("skips runs of empty lines at the byte and still names the right line after them", async () => {
    const file = write("blank-runs.jsonl", `{"x": 1}\n\n\n\n{"x": 2}\n${"\n".repeat(70_000)}{"x": oops}\n`);
    await expect(readTable(file, access({}), { input: "data", columns: x })).rejects.toThrow(
      /blank-runs\.jsonl line 70006 is /,
    );
    const csv = write("blank-runs.csv", `x\n1\n${"\n".repeat(70_000)}2\n\n`);
    const table = await readTable(csv, access({}), { input: "data", columns: x });
    expect(table.columns.get("x")).toMatchObject({ values: Float64Array.from([1, 2]) });
  });

  it("refuses Parquet columns whose footer says they hold more than the limit uncompressed", async () => {
    const file = write(
      "bytes.parquet",
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [{ name: "x", type: "DOUBLE", data: Array.from({ length: 1000 }, (_, i) => i) }],
        }),
      ),
    );
    const error = await refusal(readTable(file, access({ bytes: 1000 }), { input: "data", columns: x }), file, "bytes");
    expect(error.message).toMatch(/holds .* of column data uncompressed, more than the bytes limit of 1000 B/);
  });
});

describe("the memory limit", () => {
  it("refuses a Parquet footer larger than 1/64 of the limit before parsing it", async () => {
    const columnData = Array.from({ length: 50 }, (_, k) => ({
      name: `column_${k}`,
      type: "INT32" as const,
      data: Array.from({ length: 200 }, (_, i) => i),
    }));
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 10 }));
    const footer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 4).getUint32(0, true);
    const file = write("footer.parquet", bytes);
    const memory = 64 * (footer - 1);
    const error = await refusal(
      readTable(file, access({ memory }), { input: "data", columns: x.map((r) => ({ ...r, name: "column_0" })) }),
      file,
      "memory",
    );
    expect(error.message).toMatch(
      /^Input "data": footer\.parquet has a footer \(its metadata\) of .+, more than the .+ it may have \(limits\.memory in modelgate\.yml, of which a file read whole and parsed may have 1\/64\)\.$/,
    );
    expect(error.reached).toBe(footer);
    // A part of the file carries the footer its plan parsed: refused the same, on the length the plan read.
    const parts = await planTableParts(path.join(workspace, file), { format: "parquet", gzip: false }, bytes.length, 1);
    const partError = await refusal(
      readTable(file, access({ memory }), {
        input: "data",
        columns: x.map((r) => ({ ...r, name: "column_0" })),
        part: parts![1],
      }),
      file,
      "memory",
    );
    expect(partError.message).toBe(error.message);
    expect(partError.reached).toBe(footer);
    await expect(
      readTable(file, access({ memory: 64 * footer }), {
        input: "data",
        columns: [{ name: "column_0", as: "number", required: true }],
      }),
    ).resolves.toMatchObject({ rows: 200 });
  });

  it("refuses a table whose columns would hold more than the limit, at the row it is reached", async () => {
    const file = write("memory.csv", `x,y\n${rowsOf(20_000, (i) => `${i},${i}`)}\n`);
    // Two number columns: 16 bytes a row, so 64 KiB is passed within the first 4,100 rows.
    const error = await refusal(
      readTable(file, access({ memory: 64 * 1024 }), { input: "data", columns: every }),
      file,
      "memory",
    );
    expect(error.message).toMatch(
      /^Input "data": reading memory\.csv would hold more than 64 KiB of table data in this run, the memory limit \(reached at row \d,\d{3}\)\.$/,
    );
  });

  it("counts each distinct text: ten thousand distinct ids need more than ten thousand repeats of one", async () => {
    const ids = write("ids.csv", `id\n${rowsOf(10_000, (i) => `customer-${i}`)}\n`);
    const same = write("same.csv", `id\n${rowsOf(10_000, () => "customer-1")}\n`);
    const columns: ColumnRequest[] = [{ name: "id", as: "string", required: true }];
    await refusal(readTable(ids, access({ memory: 512 * 1024 }), { input: "data", columns }), ids, "memory");
    await expect(readTable(same, access({ memory: 512 * 1024 }), { input: "data", columns })).resolves.toMatchObject({
      rows: 10_000,
    });
  });

  it("is one budget for every table of a run: the second table is refused for what the first holds", async () => {
    const file = write("half.csv", `x\n${rowsOf(6_000, String)}\n`);
    const run = access({ memory: 80 * 1024 });
    await readTable(file, run, { input: "reference", columns: x });
    const error = await refusal(readTable(file, run, { input: "data", columns: x }), file, "memory");
    expect(error.message).toMatch(/KiB of it held for the tables read before\)\.$/);
  });

  it("gives back what an auto column held as numbers when it turns out to be text and is read again", async () => {
    // As numbers the first pass holds 16 KiB-value blocks (256 KiB); read again as text, 4-byte codes (128 KiB).
    const file = write("mixed.csv", `x\n${rowsOf(20_000, (i) => String(i % 5))}\ntext\n`);
    const table = await readTable(file, access({ memory: 300 * 1024 }), { input: "data", columns: every });
    expect(table.columns.get("x")).toMatchObject({ kind: "string", dictionary: ["0", "1", "2", "3", "4", "text"] });
  });

  it("holds a wide file in proportion to its rows: 20,000 columns × 5 rows fit in 32 MiB", async () => {
    const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(",");
    const file = write(
      "wide-short.csv",
      `${header}\n${rowsOf(5, (r) => Array.from({ length: 20_000 }, (_, i) => (i * r) % 97).join(","))}\n`,
    );
    const table = await readTable(file, access({ memory: 32 * 2 ** 20 }), { input: "data", columns: every });
    expect(table.columns.size).toBe(20_000);
    expect(table.columns.get("c19999")).toMatchObject({
      kind: "number",
      values: Float64Array.from([0, 19999 % 97, (2 * 19999) % 97, (3 * 19999) % 97, (4 * 19999) % 97]),
    });
  });
});

describe("limits that keep reading bounded whatever the limits say", () => {
  it("refuses a JSON Lines line over 1 MiB while it grows, in every gate's reads", async () => {
    const file = write("long.jsonl", `{"x": 1}\n{"x": "${"a".repeat(3 << 20)}`);
    await expect(readTable(file, access({}), { input: "data", columns: x })).rejects.toThrow(
      /long\.jsonl line 2 is longer than 1048576 characters/,
    );
  });

  it("refuses a CSV row over 1 MiB in every gate's reads, not only validate-data's", async () => {
    const file = write("long.csv", `x,y\n1,${"a".repeat(3 << 20)}\n`);
    await expect(readTable(file, access({}), { input: "data", columns: x })).rejects.toThrow(
      /long\.csv line 2 holds a row longer than 1048576 characters/,
    );
  });

  it("finds the line of bytes that are not UTF-8 in a gzip file by streaming it, also past the first chunk", async () => {
    const rows = `x,name\n${rowsOf(20_000, (i) => `${i},plain`)}\n`;
    const file = write(
      "latin1.csv.gz",
      gzipSync(Buffer.concat([Buffer.from(rows), Buffer.from("20000,caf\xe9\n", "latin1")])),
    );
    await expect(readDataTable(file, "data", access({}), undefined)).rejects.toThrow(
      /latin1\.csv\.gz line 20002 holds bytes that are not UTF-8/,
    );
  });
});

describe("Parquet row groups read in windows", () => {
  it("reads a row group larger than the window in windows, the values unchanged", async () => {
    const data = Array.from({ length: 5_000 }, (_, i) => (i % 7 === 0 ? null : i / 4));
    const text = Array.from({ length: 5_000 }, (_, i) => `t${i % 13}`);
    const file = write(
      "group.parquet",
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: "x", type: "DOUBLE", data },
            { name: "t", type: "STRING", data: text },
          ],
          rowGroupSize: 5_000,
          pageSize: 4096,
        }),
      ),
    );
    const source = { input: "data", file, absolute: path.join(workspace, file) };
    const requests: ColumnRequest[] = [
      { name: "x", as: "number", required: true },
      { name: "t", as: "string", required: true },
    ];
    const whole = await readParquetTable(source, requests, new ReadLimits().guard(source));
    const windowed = await readParquetTable(source, requests, new ReadLimits().guard(source), 2 * 333);
    const columns = (pass: typeof whole) => [...pass.builders].map(([name, builder]) => [name, builder.finish()]);
    const expected = columns(whole);
    expect(columns(windowed)).toEqual(expected);
    const x = expected[0]![1] as { values: Float64Array; missing: number };
    expect([x.values[1], x.values[4_999], x.missing]).toEqual([0.25, 4_999 / 4, 715]);
  });
});
