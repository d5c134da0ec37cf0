import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { toCanonicalJson } from "../../../shared/src/core/canonical-json.js";
import { ReadLimits } from "../../../shared/src/data/files/read-limits.js";
import type { NumberProfile, Profile } from "../../../shared/src/validate/profile/profile-schema.js";
import { streamProfile } from "../../../shared/src/validate/profile/stream-profile.js";
import { profileFile } from "../../../shared/src/use-cases/profile-file.js";
import { claimDigest } from "../../../shared/src/use-cases/profile-part-worker.js";

// No reader bundle here: both parts are read on this thread, one after the other, as on a machine with one core.
const dir = mkdtempSync(path.join(tmpdir(), "mg-profile-file-"));
const ROWS = 4000;
const PLANS = ["basic", "pro", "team", "enterprise"];

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

/** Row i of the test file: a 3-decimal number, an integer column with blanks and infinities, a category with blanks,
 * a column numeric until the last rows, and one blank until the second half. */
function row(i: number): string[] {
  const x = (((i * 7919) % 100_003) - 50_000) / 1000;
  const n = i % 97 === 0 ? "" : i % 89 === 0 ? "inf" : String(i % 13);
  const plan = i % 31 === 0 ? "" : PLANS[(i * i) % 4]!;
  const late = i === ROWS - 3 ? "late text" : String(i % 5);
  const blank = i < ROWS / 2 ? "" : `b${i % 3}`;
  return [String(x), n, plan, late, blank];
}

const csv = ["x,n,plan,late,blank", ...Array.from({ length: ROWS }, (_, i) => row(i).join(","))].join("\n") + "\n";
write("data.csv", csv);

const run = (limits = new ReadLimits()) => ({ workspace: dir, allowedRoots: [], limits });
const read = (file: string, limits?: ReadLimits) => profileFile(file, "FILE", run(limits), undefined, 1);
const split = async (file: string, limits?: ReadLimits) => (await read(file, limits)).profile;
const whole = async (file: string, limits?: ReadLimits) =>
  (await streamProfile(file, "FILE", run(limits), undefined)).profile;
const withoutMoments = (profile: Profile) =>
  toCanonicalJson({
    ...profile,
    columns: profile.columns.map((c) => (c.kind === "number" ? { ...c, moments: [] } : c)),
  });
const column = (profile: Profile, name: string) => profile.columns.find((c) => c.name === name)!;

describe("profileFile on a file read in two parts", () => {
  it("counts what one read of the file counts, with the moments of the whole within 1e-12", async () => {
    const { profile: merged, readIn } = await read("data.csv");
    expect(readIn).toBe("two parts");
    const one = await whole("data.csv");
    expect(withoutMoments(merged)).toBe(withoutMoments(one));
    expect(merged.shards).toEqual(one.shards);
    // Computed here from the rows: the value counts, and the exact moments of x in integers (x = k / 1000).
    const rows = Array.from({ length: ROWS }, (_, i) => row(i));
    const plans = new Map<string, number>();
    for (const r of rows) if (r[2] !== "") plans.set(r[2]!, (plans.get(r[2]!) ?? 0) + 1);
    expect(column(merged, "plan")).toMatchObject({
      kind: "string",
      missing: rows.filter((r) => r[2] === "").length,
      values: [...plans].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    });
    expect(column(merged, "late")).toMatchObject({ kind: "string", missing: 0 });
    expect(column(merged, "blank")).toMatchObject({ kind: "string", missing: ROWS / 2 });
    const ks = rows.map((r) => BigInt(Math.round(Number(r[0]) * 1000)));
    const s1 = ks.reduce((a, b) => a + b, 0n);
    const s2 = ks.reduce((a, b) => a + b * b, 0n);
    const n = BigInt(ROWS);
    const [moments] = (column(merged, "x") as NumberProfile).moments;
    expect(moments!.count).toBe(ROWS);
    expect(Math.abs(moments!.mean - Number(s1) / 1000 / ROWS)).toBeLessThan(1e-12 * Math.abs(Number(s1) / 1000 / ROWS));
    const m2 = Number(n * s2 - s1 * s1) / ROWS / 1e6;
    expect(Math.abs(moments!.m2 - m2)).toBeLessThan(1e-12 * m2);
    const [single] = (column(one, "x") as NumberProfile).moments;
    expect(Math.abs(moments!.m2 - single!.m2)).toBeLessThan(1e-12 * m2);
  });

  it("gives the same bytes every time", async () => {
    expect(toCanonicalJson(await split("data.csv"))).toBe(toCanonicalJson(await split("data.csv")));
  });

  it("reads a file with quotes whole, the same bytes as one read", async () => {
    const file = write("quoted.csv", `${csv}"1.5",1,"pro, plus",2,"b\n1"\n`);
    const one = await whole(file);
    const parts = await read(file);
    expect(parts.readIn).toBe("one read");
    expect(toCanonicalJson(parts.profile)).toBe(toCanonicalJson(one));
    expect(one.rows).toBe(ROWS + 1);
  });

  it("reports a ragged row in the second part with its line in the file, as one read does", async () => {
    const file = write("ragged.csv", `${csv}1,2\n`);
    const error = await split(file).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`ragged.csv line ${ROWS + 2} has 2 fields; the header has 5`);
    expect((error as Error).message).toBe(((await whole(file).catch((e: unknown) => e)) as Error).message);
  });

  it("reports bytes that are not UTF-8 in the second part with their line in the file, as one read does", async () => {
    const bytes = Buffer.concat([Buffer.from(csv), Buffer.from("1,2,caf"), Buffer.from([0xe9]), Buffer.from(",4,5\n")]);
    const file = write("latin1.csv", bytes);
    const error = await split(file).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`latin1.csv line ${ROWS + 2} holds bytes that are not UTF-8`);
  });

  it("reads the file whole when a part would pass half the memory left, and refuses what one read refuses", async () => {
    // The same 1,500 texts in each half: each part holds all of them, as one read does.
    const ids = Array.from({ length: 3000 }, (_, i) => `id-${i % 1500}-${"z".repeat(40)}`);
    const file = write("ids.csv", ["id", ...ids].join("\n") + "\n");
    const need = async (memory: number) => {
      const result = await whole(file, new ReadLimits({ memory })).then(
        () => "read",
        (e: unknown) => (e as Error).message,
      );
      return result;
    };
    // Just enough for the file read whole (to 1 KiB), so a part, which holds every text too, cannot fit in half of it.
    let [low, memory] = [0, 4 * 2 ** 20];
    while (memory - low > 1024) {
      const middle = Math.floor((low + memory) / 2);
      if ((await need(middle)) === "read") memory = middle;
      else low = middle;
    }
    expect(await need(memory)).toBe("read");
    const parts = await read(file, new ReadLimits({ memory }));
    expect(parts.readIn).toBe("one read");
    expect(toCanonicalJson(parts.profile)).toBe(toCanonicalJson(await whole(file, new ReadLimits({ memory }))));
    const refused = await split(file, new ReadLimits({ memory: 2 ** 14 })).catch((e: unknown) => (e as Error).message);
    expect(refused).toContain("the memory limit");
    expect(refused).toBe(await need(2 ** 14));
  });
});

describe("profileFile on a Parquet file read in two parts", () => {
  it("counts what one read counts, split at a row group", async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => row(i));
    parquetWriteFile({
      filename: path.join(dir, "data.parquet"),
      rowGroupSize: 1000,
      columnData: [
        { name: "x", type: "DOUBLE", data: rows.map((r) => Number(r[0])) },
        { name: "plan", type: "STRING", data: rows.map((r) => r[2]!) },
      ],
    });
    const { profile: merged, readIn } = await read("data.parquet");
    expect(readIn).toBe("two parts");
    const one = await whole("data.parquet");
    expect(withoutMoments(merged)).toBe(withoutMoments(one));
    const [a] = (column(merged, "x") as NumberProfile).moments;
    const [b] = (column(one, "x") as NumberProfile).moments;
    expect(a!.count).toBe(ROWS);
    expect(Math.abs(a!.mean - b!.mean)).toBeLessThan(1e-12 * Math.abs(b!.mean));
    expect(Math.abs(a!.m2 - b!.m2)).toBeLessThan(1e-12 * b!.m2);
  });
});

describe("claimDigest", () => {
  it("gives the file's digest to the first of the two threads reading its parts that asks, and to no other", () => {
    const claim = new SharedArrayBuffer(4);
    expect(claimDigest(claim)).toBe(true);
    expect(claimDigest(claim)).toBe(false);
    expect(claimDigest(claim)).toBe(false);
    // A thread reading alone hashes the file itself.
    expect(claimDigest(undefined)).toBe(true);
  });
});
