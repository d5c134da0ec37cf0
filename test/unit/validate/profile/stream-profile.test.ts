import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { readDataTable } from "../../../../shared/src/validate/read-data-table.js";
import { ReadLimits } from "../../../../shared/src/data/files/read-limits.js";
import { parsePolicy } from "../../../../shared/src/policy/parse-policy.js";
import { toCanonicalJson } from "../../../../shared/src/core/canonical-json.js";
import { buildProfile } from "../../../../shared/src/validate/profile/build-profile.js";
import { streamProfile } from "../../../../shared/src/validate/profile/stream-profile.js";

const dataFixtures = fileURLToPath(new URL("../../data/table/fixtures/", import.meta.url));
const validateFixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const workspace = mkdtempSync(path.join(tmpdir(), "mg-stream-profile-"));
function write(name: string, content: string | Uint8Array): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}

describe("a profile streamed from the file", () => {
  const policy = parsePolicy("version: 1\ndata:\n  schema:\n    group: { type: category }\n", "modelgate.yml").data;

  it.each([
    "table.csv",
    "table.tsv",
    "table.jsonl",
    "table.csv.gz",
    "table.jsonl.gz",
    "table.parquet",
    "table-gzip.parquet",
  ])("is the same bytes as the profile of the table read whole, from %s", async (file) => {
    const access = { workspace: dataFixtures, allowedRoots: [dataFixtures] };
    const held = buildProfile(await readDataTable(file, "data", access, policy));
    expect(toCanonicalJson((await streamProfile(file, "data", access, policy)).profile)).toBe(toCanonicalJson(held));
  });

  it.each(["v1-dictionary-fallback.parquet", "v2-dictionary-snappy.parquet", "v1-plain-snappy.parquet"])(
    "is the same bytes as the profile of the table read whole, from the dictionary and plain pages of %s",
    async (file) => {
      const parquet = fileURLToPath(new URL("../../data/table/parquet/fixtures/", import.meta.url));
      const access = { workspace: parquet, allowedRoots: [parquet] };
      const categories = parsePolicy("version: 1\ndata:\n  schema:\n    cat: { type: category }\n", "p.yml").data;
      const held = buildProfile(await readDataTable(file, "data", access, categories));
      expect(toCanonicalJson((await streamProfile(file, "data", access, categories)).profile)).toBe(
        toCanonicalJson(held),
      );
    },
  );

  it.each(["large.csv.gz", "large.csv"])(
    "is the same bytes on a large file with numbers, categories, blanks, non-finite cells and a text column found late (%s)",
    async (name) => {
      const rows = ["id,amount,plan,flag,mixed"];
      for (let i = 0; i < 30_000; i++)
        rows.push(
          `${i},${i % 97 === 0 ? "" : i % 89 === 0 ? "inf" : i % 83 === 0 ? `${i}e-3` : ((i * 7919) % 10007) / 13},${["basic", "pro", "team"][i % 3]},${i % 2},${i === 29_999 ? "late text" : i % 5}`,
        );
      const text = `${rows.join("\n")}\n`;
      const file = write(name, name.endsWith(".gz") ? gzipSync(text) : text);
      const access = { workspace, allowedRoots: [workspace] };
      const held = buildProfile(await readDataTable(file, "data", access, undefined));
      expect(toCanonicalJson((await streamProfile(file, "data", access, undefined)).profile)).toBe(
        toCanonicalJson(held),
      );
      expect(held.columns.find((column) => column.name === "mixed")).toMatchObject({ kind: "string" });
    },
  );

  it("counts a Parquet dictionary's blank entries as missing, each time a row uses one, in every row group", async () => {
    const texts = ["basic", "", "pro", "  ", "team"];
    const plan = Array.from({ length: 9_000 }, (_, i) => texts[(3 * i + (i >> 4)) % texts.length]!);
    const amount = plan.map((_, i) => (i % 7 === 0 ? -i : i / 8));
    const columnData = [
      { name: "plan", type: "STRING" as const, data: plan },
      { name: "amount", type: "DOUBLE" as const, data: amount },
    ];
    const file = write("blanks.parquet", new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 2_000 })));
    const access = { workspace, allowedRoots: [workspace] };
    const held = buildProfile(await readDataTable(file, "data", access, undefined));
    const streamed = (await streamProfile(file, "data", access, undefined)).profile;
    expect(toCanonicalJson(streamed)).toBe(toCanonicalJson(held));
    const blanks = plan.filter((text) => text.trim() === "").length;
    expect(blanks).toBeGreaterThan(2_000);
    expect(streamed.columns.find((column) => column.name === "plan")).toMatchObject({
      kind: "string",
      missing: blanks,
    });
  });

  it("is the same bytes on the drift fixtures of validate-data", async () => {
    const access = { workspace: validateFixtures, allowedRoots: [validateFixtures] };
    for (const file of ["large/reference.csv", "large/current.csv"]) {
      const held = buildProfile(await readDataTable(file, "data", access, undefined));
      expect(toCanonicalJson((await streamProfile(file, "data", access, undefined)).profile), file).toBe(
        toCanonicalJson(held),
      );
    }
  });

  it("is not bounded by the rows limit: it holds no row", async () => {
    const file = write("rows.csv", `x,y\n${Array.from({ length: 5_000 }, (_, i) => `${i},${i % 3}`).join("\n")}\n`);
    const limits = new ReadLimits({ rows: 100, memory: 64 * 1024 });
    const access = { workspace, allowedRoots: [workspace], limits };
    await expect(readDataTable(file, "data", access, undefined)).rejects.toThrow(/more than 100 data rows/);
    const streamed = await streamProfile(file, "data", access, undefined);
    expect(streamed.profile.rows).toBe(5_000);
    expect(streamed.table).toMatchObject({ name: "rows.csv", format: "csv", rows: 5_000, fileColumns: ["x", "y"] });
  });

  it("is refused as the table is: no rows, bytes that are not UTF-8", async () => {
    const access = { workspace, allowedRoots: [workspace] };
    await expect(streamProfile(write("header.csv", "a,b\n"), "data", access, undefined)).rejects.toThrow(
      /has a header \(2 columns\) but no data rows/,
    );
    await expect(
      streamProfile(write("latin.csv", Buffer.from("a,b\n1,caf\xe9\n", "latin1")), "data", access, undefined),
    ).rejects.toThrow(/latin\.csv line 2 holds bytes that are not UTF-8/);
  });
});
