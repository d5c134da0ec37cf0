import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parquetMetadata, parquetSchema } from "hyparquet";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../../../shared/src/core/modelgate-error.js";
import { readTable } from "../../../../../shared/src/data/table/read-table.js";
import type { ColumnRequest } from "../../../../../shared/src/data/table/column-request.js";
import type { NumberColumn, StringColumn, Table } from "../../../../../shared/src/data/table/table.js";
import { planFlatColumn, snappyPage } from "../../../../../shared/src/data/table/parquet/flat-column-plan.js";
import { decodeColumnChunk } from "../../../../../shared/src/data/table/parquet/decode-column-chunk.js";
import { NumberColumnBuilder } from "../../../../../shared/src/data/table/number-column-builder.js";
import { StringColumnBuilder } from "../../../../../shared/src/data/table/string-column-builder.js";
import { readPageHeader } from "../../../../../shared/src/data/table/parquet/page-header.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const access = { workspace: fixtures, allowedRoots: [fixtures] };

type Cell = string | number | boolean | null;
interface Expected {
  rows: number;
  table: Record<string, Cell[]>;
  files: Record<string, { row_groups: number; encodings: string[]; columns?: Record<string, Cell[]> }>;
}
const expected = JSON.parse(readFileSync(path.join(fixtures, "expected.json"), "utf8")) as Expected;
const VARIANTS = Object.keys(expected.files).filter((name) => name !== "other-encodings");
const NUMBERS = ["d", "f", "i32", "i64", "few", "req", "b"];
const TEXTS = ["cat", "text", "i64", "b"];

function metadataOf(file: string) {
  const bytes = readFileSync(path.join(fixtures, file));
  return parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** What a number column holds for a pyarrow cell: NaN for null (missing) and for NaN/±inf (non-finite). */
function numberOf(cell: Cell): number {
  if (cell === null) return Number.NaN;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") return /^-?\d+$/.test(cell) ? Number(BigInt(cell)) : Number.NaN;
  return cell;
}

/** What a string column holds for a pyarrow cell: blank text is missing, as in every reader. */
function textOf(cell: Cell): string | undefined {
  if (cell === null) return undefined;
  const text = String(cell);
  return text.trim() === "" ? undefined : text;
}

/** Column `name` read as `as` from `bytes` written as `file` in a folder of its own: a damaged copy of a fixture. */
function readWritten(bytes: Uint8Array, file: string, name: string, as: "number" | "string") {
  const dir = mkdtempSync(path.join(tmpdir(), "modelgate-parquet-"));
  writeFileSync(path.join(dir, file), bytes);
  return readTable(
    file,
    { workspace: dir, allowedRoots: [dir] },
    { input: "data", columns: [{ name, as, required: true }] },
  );
}

function numbers(table: Table, name: string): NumberColumn {
  const column = table.columns.get(name);
  if (column?.kind !== "number") throw new Error(`${name} is not a number column`);
  return column;
}

function texts(table: Table, name: string): Array<string | undefined> {
  const column = table.columns.get(name) as StringColumn;
  return Array.from(column.codes, (code) => (code === -1 ? undefined : column.dictionary[code]));
}

describe("the Parquet page decoder", () => {
  it.each(VARIANTS)("reads every cell of %s as pyarrow reads it back", async (variant) => {
    const file = `${variant}.parquet`;
    const metadata = metadataOf(file);
    // Every column of these files is one the page decoder reads, not hyparquet.
    for (const child of parquetSchema(metadata).children)
      expect(
        planFlatColumn(metadata, child, undefined) ??
          planFlatColumn(metadata, child, { ZSTD: () => new Uint8Array(), GZIP: () => new Uint8Array() }),
        child.element.name,
      ).toBeDefined();
    const requests: ColumnRequest[] = NUMBERS.map((name) => ({ name, as: "number", required: true }));
    const asNumbers = await readTable(file, access, { input: "data", columns: requests });
    const asTexts = await readTable(file, access, {
      input: "data",
      columns: TEXTS.map((name) => ({ name, as: "string", required: true })),
    });
    expect(asNumbers.rows).toBe(expected.rows);
    for (const name of NUMBERS) {
      const column = numbers(asNumbers, name);
      const cells = expected.table[name]!;
      expect(Array.from(column.values), name).toEqual(cells.map(numberOf));
      expect(column.missing, name).toBe(cells.filter((cell) => cell === null).length);
      expect(column.nonFinite, name).toBe(
        cells.filter((cell) => typeof cell === "string" && !/^-?\d+$/.test(cell)).length,
      );
      expect(column.nonNumeric, name).toBe(0);
    }
    for (const name of TEXTS) expect(texts(asTexts, name), name).toEqual(expected.table[name]!.map(textOf));
  });

  it.each(["v1-dictionary-fallback", "v1-plain-snappy", "v2-dictionary-snappy"])(
    "reads %s with every data page decompressed into the one reused buffer, each dictionary into its own",
    (variant) => {
      const bytes = readFileSync(path.join(fixtures, `${variant}.parquet`));
      const metadata = metadataOf(`${variant}.parquet`);
      const pages = new Set<ArrayBufferLike>();
      const dictionaries = new Set<ArrayBufferLike>();
      for (const child of parquetSchema(metadata).children) {
        const { name } = child.element;
        if (!["d", "f", "i32", "i64", "few", "cat", "text"].includes(name)) continue;
        const planned = planFlatColumn(metadata, child, undefined)!;
        const decompress = (input: Uint8Array, length: number, keep: boolean) => {
          const output = planned.decompress(input, length, keep);
          (keep ? dictionaries : pages).add(output.buffer);
          expect(output).toEqual(snappyPage(input, length, true));
          return output;
        };
        const plan = { ...planned, decompress };
        const text = name === "cat" || name === "text";
        const builder = text ? new StringColumnBuilder(name) : new NumberColumnBuilder(name);
        plan.chunks.forEach((meta, group) => {
          const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
          const chunk = bytes.subarray(start, start + Number(meta.total_compressed_size));
          decodeColumnChunk(chunk, plan, Number(metadata.row_groups[group]!.num_rows), builder);
        });
        const cells = expected.table[name]!;
        if (builder instanceof StringColumnBuilder) {
          const column = builder.finish();
          const read = Array.from(column.codes, (code) => (code === -1 ? undefined : column.dictionary[code]));
          expect(read, name).toEqual(cells.map(textOf));
        } else expect(Array.from(builder.finish().values), name).toEqual(cells.map(numberOf));
      }
      // pyarrow leaves a v2 page of dictionary indices uncompressed: no page of that file is inflated.
      expect(pages.size).toBe(variant === "v2-dictionary-snappy" ? 0 : 1);
      if (variant !== "v1-plain-snappy") expect(dictionaries.size).toBeGreaterThan(1);
    },
  );

  it("reads a chunk whose dictionary overflows and switches to PLAIN pages midway", () => {
    const bytes = readFileSync(path.join(fixtures, "v1-dictionary-fallback.parquet"));
    const metadata = metadataOf("v1-dictionary-fallback.parquet");
    const chunk = metadata.row_groups[0]!.columns.find((column) => column.meta_data?.path_in_schema[0] === "text")!;
    const meta = chunk.meta_data!;
    const end = Number(meta.dictionary_page_offset ?? meta.data_page_offset) + Number(meta.total_compressed_size);
    const encodings: number[] = [];
    for (let offset = Number(meta.dictionary_page_offset); offset < end;) {
      const header = readPageHeader(bytes, offset, end);
      if (header.type !== 2) encodings.push(header.encoding);
      offset = header.dataStart + header.compressedSize;
    }
    // RLE_DICTIONARY (8) pages first, then PLAIN (0) ones: the fixture covers the switch the test above reads.
    expect(encodings[0]).toBe(8);
    expect(encodings.at(-1)).toBe(0);
  });

  it("leaves delta, byte-stream-split, date, timestamp, decimal and unsigned columns to hyparquet, read as before", async () => {
    const file = "other-encodings.parquet";
    const metadata = metadataOf(file);
    const planned = parquetSchema(metadata).children.filter((child) => planFlatColumn(metadata, child, undefined));
    expect(planned.map((child) => child.element.name)).toEqual(["plain"]);
    const cells = expected.files[file.replace(".parquet", "")]!.columns!;
    const table = await readTable(file, access, {
      input: "data",
      columns: [
        ...["delta", "split", "count", "plain", "price"].map((name) => ({
          name,
          as: "number" as const,
          required: true,
        })),
        ...["day", "at"].map((name) => ({ name, as: "string" as const, required: true })),
      ],
    });
    for (const name of ["delta", "split", "count", "plain"])
      expect(Array.from(numbers(table, name).values), name).toEqual(cells[name]!.map(numberOf));
    const prices = numbers(table, "price").values;
    cells.price!.forEach((cell, i) =>
      cell === null ? expect(prices[i]).toBeNaN() : expect(prices[i]).toBeCloseTo(Number(cell), 9),
    );
    for (const name of ["day", "at"])
      texts(table, name).forEach((text, i) => {
        const cell = cells[name]![i];
        if (cell === null) expect(text).toBeUndefined();
        else expect(text?.startsWith(String(cell)), `${name}[${i}]: ${text} vs ${cell}`).toBe(true);
      });
  });

  it("leaves an optional column whose chunks list BIT_PACKED levels to hyparquet, not a required one", () => {
    const metadata = metadataOf("v1-plain-snappy.parquet");
    for (const group of metadata.row_groups)
      for (const column of group.columns) column.meta_data!.encodings.push("BIT_PACKED");
    const children = parquetSchema(metadata).children;
    const named = (name: string) => children.find((child) => child.element.name === name)!;
    expect(planFlatColumn(metadata, named("req"), undefined)).toBeDefined();
    expect(planFlatColumn(metadata, named("d"), undefined)).toBeUndefined();
  });

  it("refuses a damaged page header, naming the column and row group", async () => {
    const bytes = Buffer.from(readFileSync(path.join(fixtures, "v1-plain-snappy.parquet")));
    const metadata = metadataOf("v1-plain-snappy.parquet");
    const meta = metadata.row_groups[1]!.columns.find(
      (column) => column.meta_data?.path_in_schema[0] === "f",
    )!.meta_data!;
    bytes.fill(0xff, Number(meta.data_page_offset), Number(meta.data_page_offset) + 4);
    const read = readWritten(bytes, "damaged.parquet", "f", "number");
    await expect(read).rejects.toThrow(DataError);
    await expect(read).rejects.toThrow(/damaged\.parquet is not a readable Parquet file \(column "f", row group 1: /);
  });
});

describe("the Parquet page decoder on damaged snappy pages", () => {
  it("refuses a page whose snappy block is damaged, naming the file, column and row group", async () => {
    const bytes = Buffer.from(readFileSync(path.join(fixtures, "v1-plain-snappy.parquet")));
    const metadata = metadataOf("v1-plain-snappy.parquet");
    const meta = metadata.row_groups[1]!.columns.find(
      (column) => column.meta_data?.path_in_schema[0] === "f",
    )!.meta_data!;
    const page = readPageHeader(bytes, Number(meta.data_page_offset), bytes.length);
    expect(page.compressed).toBe(true);
    // The block's length header (a varint) one off: it no longer matches the page header's uncompressed size.
    bytes[page.dataStart]! ^= 1;
    const read = readWritten(bytes, "damaged.parquet", "f", "number");
    await expect(read).rejects.toThrow(DataError);
    await expect(read).rejects.toThrow(
      /damaged\.parquet is not a readable Parquet file \(column "f", row group 1: a SNAPPY page does not decompress \(its length header says \d+ bytes, not \d+\)\)/,
    );
  });

  it("refuses a page header claiming more than its snappy bytes can hold, before making a buffer that size", () => {
    expect(() => snappyPage(new Uint8Array(30), 641, false)).toThrow(
      "its header says 641 bytes, more than its 30 compressed bytes can hold",
    );
    expect(() => snappyPage(new Uint8Array(30), 2 ** 31 - 1, true)).toThrow("more than its 30 compressed bytes");
  });
});

describe("the Parquet page decoder on dictionary indices", () => {
  it("refuses a text index past its dictionary's entries, naming the column and row group", async () => {
    const bytes = Buffer.from(readFileSync(path.join(fixtures, "v2-dictionary-snappy.parquet")));
    const metadata = metadataOf("v2-dictionary-snappy.parquet");
    const meta = metadata.row_groups[0]!.columns.find(
      (column) => column.meta_data?.path_in_schema[0] === "cat",
    )!.meta_data!;
    const dictionary = readPageHeader(bytes, Number(meta.dictionary_page_offset), bytes.length);
    const page = readPageHeader(bytes, Number(meta.data_page_offset), bytes.length);
    // v2 pages of indices are stored uncompressed (see above): the bit width, then the first run's header.
    expect(page.compressed).toBe(false);
    const values = page.dataStart + page.definitionBytes;
    const width = bytes[values]!;
    expect(2 ** width).toBeGreaterThan(dictionary.values);
    // Every index of the first run set to all ones: an RLE run's value bytes, or a bit-packed run's first byte.
    const header = bytes[values + 1]!;
    expect(header).toBeLessThan(0x80);
    if (header % 2 === 0) for (let k = 0; k < (width + 7) >> 3; k++) bytes[values + 2 + k] = 0xff;
    else bytes[values + 2] = 0xff;
    const read = readWritten(bytes, "past.parquet", "cat", "string");
    await expect(read).rejects.toThrow(
      `past.parquet is not a readable Parquet file (column "cat", row group 0: a dictionary index ${2 ** width - 1} is past the dictionary's ${dictionary.values} entries).`,
    );
  });
});
