import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { parquetWriteFile } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { MIN_SPLIT_BYTES, planTableParts } from "../../../../shared/src/data/table/plan-table-parts.js";
import { readColumns } from "../../../../shared/src/data/table/read-table.js";
import { PartNeedsWholeFile } from "../../../../shared/src/data/table/table-part.js";
import type { TablePart } from "../../../../shared/src/data/table/table-part.js";
import type { StringColumn } from "../../../../shared/src/data/table/table.js";

const dir = mkdtempSync(path.join(tmpdir(), "mg-plan-parts-"));
const csv = { format: "csv", gzip: false } as const;

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The bytes of a lines part, as its reader sees them. */
function partText(content: Buffer, part: TablePart): string {
  if (part.kind !== "lines") throw new Error("not a lines part");
  return Buffer.concat(part.ranges.map(([a, b]) => content.subarray(a, b))).toString("utf8");
}

describe("planTableParts on a CSV", () => {
  it("splits just after the first line feed at or after the middle, the second part led by the header", async () => {
    const text = "a,b\n" + Array.from({ length: 100 }, (_, i) => `${i},${i * 2}\n`).join("");
    const file = write("plain.csv", text);
    const parts = await planTableParts(file, csv, text.length, 1);
    const bytes = Buffer.from(text);
    const middle = Math.floor(text.length / 2);
    const split = bytes.indexOf(10, middle - 1) + 1;
    expect(split).toBeGreaterThanOrEqual(middle);
    expect(parts).toEqual([
      { kind: "lines", ranges: [[0, split]] },
      {
        kind: "lines",
        ranges: [
          [0, 4],
          [split, text.length],
        ],
      },
    ]);
    // Every data line is in exactly one part.
    const lines = (part: TablePart) => partText(bytes, part).split("\n").filter(Boolean).slice(1);
    expect([...lines(parts![0]), ...lines(parts![1])]).toEqual(text.split("\n").filter(Boolean).slice(1));
  });

  it("splits CRLF lines after their line feed, and skips a BOM and blank lines before the header", async () => {
    const text = "\uFEFF\r\n\na,b\r\n" + Array.from({ length: 50 }, (_, i) => `${i},x${i}\r\n`).join("");
    const bytes = Buffer.from(text);
    const parts = await planTableParts(write("crlf.csv", bytes), csv, bytes.length, 1);
    const [first, second] = parts! as Array<Extract<TablePart, { kind: "lines" }>>;
    const split = first!.ranges[0]![1];
    expect(bytes[split - 1]).toBe(10);
    expect(bytes[split - 2]).toBe(13);
    expect(second!.ranges[0]).toEqual([0, Buffer.from("\uFEFF\r\n\na,b\r\n").length]);
    expect(partText(bytes, second!).startsWith("\uFEFF\r\n\na,b\r\n")).toBe(true);
  });

  it("keeps the last line of a file without a final line feed in the second part", async () => {
    const text = "a\n" + Array.from({ length: 40 }, (_, i) => String(i)).join("\n");
    const bytes = Buffer.from(text);
    const parts = await planTableParts(write("no-final-newline.csv", bytes), csv, bytes.length, 1);
    expect(partText(bytes, parts![1]!).endsWith("\n39")).toBe(true);
  });

  it("never cuts a multi-byte character: the split follows a line feed", async () => {
    // The middle of the file falls inside a run of four-byte characters.
    const text = `t\n${"x\n".repeat(10)}${"😀".repeat(20)}\n${"y\n".repeat(10)}`;
    const bytes = Buffer.from(text);
    const parts = await planTableParts(write("wide.csv", bytes), csv, bytes.length, 1);
    expect(partText(bytes, parts![0]!) + partText(bytes, parts![1]!).slice(2)).toBe(text);
    const read = async (part: TablePart) => {
      const table = await readColumns(
        path.basename(write("wide.csv", bytes)),
        { workspace: dir, allowedRoots: [] },
        {
          input: "data",
          columns: [{ name: "t", required: true, as: "string" }],
          part,
        },
      );
      const column = table.columns.get("t") as StringColumn;
      return [...column.codes].map((code) => column.dictionary[code]);
    };
    expect([...(await read(parts![0]!)), ...(await read(parts![1]!))]).toEqual(text.split("\n").slice(1, -1));
  });

  it("reads a file under the threshold whole, and a gzipped or JSON Lines file whole", async () => {
    const text = "a\n1\n2\n3\n";
    const file = write("small.csv", text);
    expect(await planTableParts(file, csv, text.length)).toBeUndefined();
    expect(MIN_SPLIT_BYTES).toBe(8 * 2 ** 20);
    expect(await planTableParts(file, { format: "csv", gzip: true }, text.length, 1)).toBeUndefined();
    expect(await planTableParts(file, { format: "jsonl", gzip: false }, text.length, 1)).toBeUndefined();
  });

  it("reads a file whole when it has no line end after its middle, or only a header", async () => {
    const header = "a,b,c\n";
    expect(await planTableParts(write("header.csv", header), csv, header.length, 1)).toBeUndefined();
    const long = `a\n1\n${"9".repeat(100)}`;
    expect(await planTableParts(write("long.csv", long), csv, long.length, 1)).toBeUndefined();
  });

  it("has a part with a quote refuse to be read alone, so the whole file is read by the full parser", async () => {
    const text = "a,b\n" + Array.from({ length: 40 }, (_, i) => (i === 30 ? `"x\ny",1\n` : `${i},1\n`)).join("");
    const file = write("quoted.csv", text);
    const parts = await planTableParts(file, csv, text.length, 1);
    const read = readColumns(
      "quoted.csv",
      { workspace: dir, allowedRoots: [] },
      {
        input: "data",
        columns: { all: "auto" },
        part: parts![1]!,
      },
    );
    await expect(read).rejects.toBeInstanceOf(PartNeedsWholeFile);
  });
});

describe("planTableParts on a Parquet file", () => {
  const parquet = (name: string, rows: number, rowGroupSize: number, note?: string) => {
    const file = path.join(dir, name);
    parquetWriteFile({
      filename: file,
      rowGroupSize,
      columnData: [{ name: "x", type: "DOUBLE", data: Array.from({ length: rows }, (_, i) => i / 7) }],
      ...(note === undefined ? {} : { kvMetadata: [{ key: "note", value: note }] }),
    });
    return file;
  };

  it("splits at the row group boundary nearest half the rows, each part carrying the file's footer", async () => {
    const file = parquet("groups.parquet", 1000, 300);
    const footer = await parquetMetadataAsync(await asyncBufferFromFile(file));
    expect(await planTableParts(file, { format: "parquet", gzip: false }, 2 ** 20, 1)).toEqual([
      { kind: "rowGroups", start: 0, end: 2, footer },
      { kind: "rowGroups", start: 2, end: 4, footer },
    ]);
  });

  it("parses a footer larger than hyparquet's first read of a file's end (512 KiB) as hyparquet does", async () => {
    const file = parquet("large-footer.parquet", 1000, 300, "n".repeat(600_000));
    const footer = await parquetMetadataAsync(await asyncBufferFromFile(file));
    expect(footer.metadata_length).toBeGreaterThan(2 ** 19);
    expect(await planTableParts(file, { format: "parquet", gzip: false }, 2 ** 20, 1)).toEqual([
      { kind: "rowGroups", start: 0, end: 2, footer },
      { kind: "rowGroups", start: 2, end: 4, footer },
    ]);
  });

  it("reads whole a file that does not end as Parquet does or whose footer length passes its start", async () => {
    const bytes = readFileSync(parquet("damaged.parquet", 1000, 300));
    const plan = (name: string, content: Uint8Array) =>
      planTableParts(write(name, content), { format: "parquet", gzip: false }, 2 ** 20, 1);
    expect(await plan("no-magic.parquet", bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    const longer = Buffer.from(bytes);
    longer.writeUInt32LE(bytes.length, bytes.length - 8);
    expect(await plan("footer-too-long.parquet", longer)).toBeUndefined();
    const garbled = Buffer.from(bytes);
    garbled.fill(0xff, bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8), bytes.length - 8);
    expect(await plan("garbled-footer.parquet", garbled)).toBeUndefined();
  });

  it("reads a file of one row group whole", async () => {
    const file = parquet("one-group.parquet", 1000, 1000);
    expect(await planTableParts(file, { format: "parquet", gzip: false }, 2 ** 20, 1)).toBeUndefined();
  });
});
