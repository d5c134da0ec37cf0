import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { readShadowLog } from "../../../shared/src/shadow/read-shadow-log.js";
import type { ShadowColumnNames } from "../../../shared/src/shadow/shadow-log.js";
import { TimeWindowBuilder } from "../../../shared/src/shadow/time-window-builder.js";
import { NAMES } from "./support/load-fixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "shadow-time-"));
const access = { workspace: dir, allowedRoots: [] };
const names: ShadowColumnNames = { ...NAMES, slices: [] };
let files = 0;

/** A CSV log of ids a, b, … with these timestamp cells (written as they are: no quoting). */
function csv(cells: readonly string[], extension = ".csv"): string {
  const name = `log-${files++}${extension}`;
  const rows = cells.map((cell, i) => `r${i},${cell},1,0.5,10`);
  const text = `request_id,timestamp,prediction,score,latency_ms\n${rows.join("\n")}\n`;
  writeFileSync(path.join(dir, name), extension.endsWith(".gz") ? gzipSync(text) : text);
  return name;
}

/** A JSON Lines log whose rows carry these timestamp values (undefined: no key). */
function jsonl(values: readonly unknown[]): string {
  const name = `log-${files++}.jsonl`;
  const rows = values.map((timestamp, i) => JSON.stringify({ request_id: `r${i}`, prediction: "1", timestamp }));
  writeFileSync(path.join(dir, name), `${rows.join("\n")}\n`);
  return name;
}

async function windowOf(name: string, columns = names) {
  return (await readShadowLog(name, access, "production", columns)).window;
}

async function refusal(name: string, columns = names): Promise<string> {
  try {
    await readShadowLog(name, access, "production", columns);
  } catch (error) {
    if (error instanceof DataError) return error.message;
    throw error;
  }
  throw new Error("expected a DataError");
}

const at = (text: string) => Date.parse(text);

describe("shadow log timestamps", () => {
  it("reads ISO 8601 date-times: the earliest, the latest and whether rows are in time order", async () => {
    const cells = ["2026-11-20T08:00:00.000Z", "2026-11-20T08:00:00.000Z", "2026-11-20T09:30:00+01:00", "2026-11-21"];
    expect(await windowOf(csv(cells))).toEqual({ first: at(cells[0]!), last: at(cells[3]!), sorted: true });
    expect(await windowOf(csv([cells[3]!, ...cells], ".csv.gz"))).toEqual({
      first: at(cells[0]!),
      last: at(cells[3]!),
      sorted: false,
    });
  });

  it("reads numbers below 10^11 as epoch seconds and larger ones as milliseconds", async () => {
    expect(await windowOf(csv(["1763625600", "1763625601.5", " 1763625602 "]))).toEqual({
      first: 1763625600000,
      last: 1763625602000,
      sorted: true,
    });
    expect(await windowOf(csv(["1763625600000", "1763625599000"]))).toEqual({
      first: 1763625599000,
      last: 1763625600000,
      sorted: false,
    });
  });

  it("counts blank, NaN and non-date cells as unreadable, naming the first", async () => {
    expect(await refusal(csv(["1763625600", "", "NaN", "1763625601"]))).toMatch(
      /has 2 of 4 rows whose timestamp is missing or unreadable; the first is data row 2\./,
    );
    expect(await refusal(csv(["2026-11-20T08:00:00Z", "yesterday", "2026-13-45T00:00:00Z"]))).toMatch(
      /has 2 of 3 rows whose timestamp is missing or unreadable; the first is data row 2\./,
    );
  });

  it("reads a column of date-times and numbers as text, where each number is unreadable, before or after the text", async () => {
    expect(await refusal(csv(["1763625600", "1763625601", "2026-11-20T08:00:00Z"]))).toMatch(
      /has 2 of 3 rows whose timestamp is missing or unreadable; the first is data row 1\./,
    );
    expect(await refusal(csv(["", "2026-11-20T08:00:00Z", "1763625601", "inf"]))).toMatch(
      /has 3 of 4 rows whose timestamp is missing or unreadable; the first is data row 1\./,
    );
  });

  it("reads JSON Lines values by type: numbers and booleans as numbers, null and absent keys missing", async () => {
    expect(await windowOf(jsonl([1763625600, 1763625599]))).toEqual({
      first: 1763625599000,
      last: 1763625600000,
      sorted: false,
    });
    expect(await windowOf(jsonl(["2026-11-20T08:00:00Z", "2026-11-20T08:00:01Z"]))).toEqual({
      first: at("2026-11-20T08:00:00Z"),
      last: at("2026-11-20T08:00:01Z"),
      sorted: true,
    });
    expect(await refusal(jsonl([1763625600, null, undefined, "2026-11-20T08:00:01Z", { at: 1 }]))).toMatch(
      /has 4 of 5 rows whose timestamp is missing or unreadable; the first is data row 1\./,
    );
  });

  it("leaves the window out when the log has no timestamp column", async () => {
    expect(await windowOf(jsonl([undefined, undefined]))).toBeUndefined();
  });

  it("summarizes a timestamp column also read for another purpose from that column", async () => {
    const name = csv(["2026-11-20T08:00:00Z", "2026-11-20T08:00:01Z"]);
    // The scores as timestamps: 0.5 epoch seconds each.
    expect(await windowOf(name, { ...names, timestamp: "score" })).toEqual({ first: 500, last: 500, sorted: true });
    expect(await refusal(name, { ...names, timestamp: "request_id" })).toMatch(
      /has 2 of 2 rows whose timestamp is missing or unreadable; the first is data row 1\./,
    );
    expect(await windowOf(name, { ...names, slices: ["timestamp"] })).toEqual({
      first: at("2026-11-20T08:00:00Z"),
      last: at("2026-11-20T08:00:01Z"),
      sorted: true,
    });
  });

  it("reads a date value (a Parquet timestamp) as its ISO text, an invalid one as missing", () => {
    const builder = new TimeWindowBuilder();
    builder.pushValue(new Date(at("2026-11-20T08:00:00Z")));
    builder.pushValue(new Date(at("2026-11-20T07:00:00Z")));
    expect(builder.finish()).toMatchObject({ bad: 0, first: at("2026-11-20T07:00:00Z"), sorted: false });
    const invalid = new TimeWindowBuilder();
    invalid.pushValue(1763625600);
    invalid.pushValue(new Date(Number.NaN));
    expect(invalid.finish()).toMatchObject({ rows: 2, bad: 2, firstBad: 0 });
  });
});
