import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { compareClasses } from "../../../shared/src/shadow/compare-classes.js";
import { joinShadowLogs } from "../../../shared/src/shadow/join-shadow-logs.js";
import { readShadowLog } from "../../../shared/src/shadow/read-shadow-log.js";
import { NAMES } from "./support/load-fixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "shadow-bad-"));
const access = { workspace: dir, allowedRoots: [] };
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return name;
};
const read = (name: string, input = "production") => readShadowLog(name, access, input, { ...NAMES, slices: [] });
const header = "request_id,timestamp,prediction,score,latency_ms\n";
const good = write("good.csv", `${header}a,2026-11-20T00:00:00Z,1,0.9,10\nb,2026-11-20T00:00:01Z,0,0.2,12\n`);

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<DataError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError");
}

describe("shadow-compare bad input", () => {
  it("refuses logs with no common id, showing an id of each", async () => {
    const other = write("other.csv", `${header}x,2026-11-20T00:00:00Z,1,0.9,10\n`);
    const error = await failure(async () => joinShadowLogs(await read(good), await read(other, "shadow"), "error"));
    expect(error.message).toMatch(/no request id in common: 2 ids against 1, e\.g\. "a" and "x"/);
    expect(error.hint).toMatch(/join-key/);
  });

  it("counts duplicate ids and names the policy that refused them", async () => {
    const dup = write(
      "dup.csv",
      `${header}a,2026-11-20T00:00:00Z,1,0.9,10\na,2026-11-20T00:00:02Z,1,0.9,10\na,2026-11-20T00:00:03Z,1,0.9,10\nb,2026-11-20T00:00:01Z,0,0.2,12\n`,
    );
    const error = await failure(async () => joinShadowLogs(await read(dup), await read(good, "shadow"), "error"));
    expect(error.message).toMatch(
      /logs 1 request ids more than once \(2 extra rows\); the first repeated id is "a"\. duplicate-ids is "error"/,
    );
    expect(error.hint).toMatch(/"first".*"last"/);
  });

  it("refuses a slice column the production log lacks, naming it and the log's columns", async () => {
    const error = await failure(readShadowLog(good, access, "production", { ...NAMES, slices: ["country", "nope"] }));
    expect(error.message).toBe(
      'Input "production": good.csv has no slice column "country" (slice-columns). Its columns: "request_id", "timestamp", "prediction", "score", "latency_ms".',
    );
    expect(error).toMatchObject({ input: "production", file: "good.csv", path: "country" });
    expect(error.hint).toMatch(/^Set slice-columns to columns of good\.csv/);
  });

  it("refuses missing timestamps with the count and first row", async () => {
    const name = write("no-time.csv", `${header}a,,1,0.9,10\nb,2026-11-20T00:00:01Z,0,0.2,12\n`);
    expect((await failure(read(name))).message).toMatch(
      /1 of 2 rows whose timestamp is missing or unreadable; the first is data row 1/,
    );
  });

  it("notes unsorted timestamps instead of failing", async () => {
    const name = write("unsorted.csv", `${header}a,2026-11-20T00:00:05Z,1,0.9,10\nb,2026-11-20T00:00:01Z,0,0.2,12\n`);
    expect((await read(name)).window?.sorted).toBe(false);
  });

  it("refuses negative latencies with the first value and row", async () => {
    const name = write("negative.csv", `${header}a,2026-11-20T00:00:00Z,1,0.9,10\nb,2026-11-20T00:00:01Z,0,0.2,-3\n`);
    const error = await failure(read(name));
    expect(error.message).toMatch(/1 negative latencies in "latency_ms"; the first is -3 at data row 2/);
  });

  it("refuses a log without the join-key column, naming the column and the log's columns", async () => {
    const name = write("no-key.csv", "id,prediction\na,1\n");
    const error = await failure(read(name, "shadow"));
    expect(error.message).toMatch(/Input "shadow": no-key\.csv has no column "request_id" \(required\)/);
  });

  it("refuses an empty shadow log", async () => {
    const name = write("empty.csv", header);
    const error = await failure(read(name, "shadow"));
    expect(error.message).toMatch(/Input "shadow"/);
  });

  it("refuses disjoint class label spaces, showing both", async () => {
    const words = write("words.csv", `${header}a,2026-11-20T00:00:00Z,yes,0.9,10\nb,2026-11-20T00:00:01Z,no,0.2,12\n`);
    const production = await read(good);
    const shadow = await read(words, "shadow");
    const error = await failure(() => compareClasses(production, shadow, joinShadowLogs(production, shadow, "error")));
    expect(error.message).toMatch(/predict disjoint sets of classes: "1", "0" against "yes", "no"/);
  });
});
