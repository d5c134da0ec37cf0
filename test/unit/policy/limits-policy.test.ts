import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readLimitFlags } from "../../../shared/src/cli/limit-flags.js";
import { UsageError } from "../../../shared/src/cli/commands.js";
import { runEvaluate } from "../../../shared/src/cli/run-evaluate.js";
import { runValidate } from "../../../shared/src/cli/run-validate.js";
import { formatByteSize, parseByteSize } from "../../../shared/src/core/byte-size.js";
import {
  DEFAULT_READ_LIMITS,
  DOCUMENT_MEMORY_SHARE,
  JSON_DOCUMENT_MEMORY_SHARE,
  MAX_ROW_CHARS,
} from "../../../shared/src/data/files/read-limits.js";
import { Utf8LineChecker, firstInvalidUtf8Line } from "../../../shared/src/data/table/utf8-line-checker.js";
import { DEFAULT_POLICY_MAX_BYTES } from "../../../shared/src/core/parse-inputs.js";
import { documentLimit } from "../../../shared/src/data/files/read-input-file.js";
import { readValidateInputs } from "../../../shared/src/validate/validate-inputs.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { toReadLimits } from "../../../shared/src/policy/to-read-limits.js";
import { readDataTable } from "../../../shared/src/validate/read-data-table.js";
import { buildProfile } from "../../../shared/src/validate/profile/build-profile.js";
import { validateProfiles } from "../../../shared/src/validate/profile/validate-profiles.js";

const workspace = mkdtempSync(path.join(tmpdir(), "mg-limits-policy-"));
const access = { workspace, allowedRoots: [workspace] };
function write(name: string, content: string): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}
const rows = (n: number) => `x,y\n${Array.from({ length: n }, (_, i) => `${i},${i % 3}`).join("\n")}\n`;

describe("sizes", () => {
  it("reads bytes and binary and decimal units, and refuses anything else", () => {
    expect([
      parseByteSize("1048576"),
      parseByteSize("1MiB"),
      parseByteSize("2 GiB"),
      parseByteSize("1.5 KiB"),
      parseByteSize("3GB"),
      parseByteSize("512 KB"),
    ]).toEqual([2 ** 20, 2 ** 20, 2 * 2 ** 30, 1536, 3e9, 512_000]);
    for (const text of ["", "0", "1 TiB", "-1MiB", "1e6", "2 gib", "MiB"])
      expect(parseByteSize(text), text).toBeUndefined();
  });

  it("writes a size in the largest binary unit it reaches, with three significant digits", () => {
    expect([formatByteSize(2 ** 30), formatByteSize(1.2e9), formatByteSize(700 * 1024), formatByteSize(12)]).toEqual([
      "1 GiB",
      "1.12 GiB",
      "700 KiB",
      "12 B",
    ]);
  });
});

describe("the limits: section of the policy", () => {
  it("sets what it names and keeps the defaults for the rest, sizes as bytes or with a unit", () => {
    const policy = parsePolicy(
      "version: 1\nlimits:\n  rows: 500\n  memory: 256MiB\n  bytes: 1000000\n",
      "modelgate.yml",
    );
    const limits = toReadLimits(policy.limits, "modelgate.yml");
    expect(limits.values).toEqual({
      rows: 500,
      columns: DEFAULT_READ_LIMITS.columns,
      bytes: 1_000_000,
      memory: 256 * 2 ** 20,
    });
    expect(limits.setting("rows")).toBe("limits.rows in modelgate.yml");
  });

  it("refuses an unknown limit, a size without a known unit, and a count below 1, with the key named", () => {
    expect(() => parsePolicy("version: 1\nlimits:\n  cells: 5\n", "modelgate.yml")).toThrow(
      /limits .*unknown key "cells"/,
    );
    expect(() => parsePolicy("version: 1\nlimits:\n  memory: 2 TB\n", "modelgate.yml")).toThrow(/limits\.memory/);
    expect(() => parsePolicy("version: 1\nlimits:\n  rows: 0\n", "modelgate.yml")).toThrow(/limits\.rows .*at least 1/);
  });

  it("bounds a CLI gate's reads: a data file over limits.rows is refused with the setting named", async () => {
    write("modelgate.yml", "version: 1\nmodel: m\nlimits:\n  rows: 100\ndata:\n  schema:\n    x: { type: integer }\n");
    const data = write("data.csv", rows(101));
    const result = await runValidate({ data, schemaOnly: false, policy: "modelgate.yml" }, access);
    expect(result).toMatchObject({ verdict: "fail", error: { input: "data", file: "data.csv" } });
    expect("error" in result && result.error.message).toBe(
      'Input "data": data.csv has more than 100 data rows, the rows limit (reading stopped at row 101).',
    );
    expect("error" in result && result.error.hint).toContain("Raise limits.rows in modelgate.yml");
    write("ok.csv", rows(100));
    expect(await runValidate({ data: "ok.csv", schemaOnly: false, policy: "modelgate.yml" }, access)).toMatchObject({
      verdict: "pass",
    });
  });

  it("shares the memory limit between the data and the reference of one run: the reference is then compared as its profile", async () => {
    write("modelgate.yml", "version: 1\nmodel: m\nlimits:\n  memory: 80KiB\n");
    write("part.csv", rows(2_000));
    // One table of two number columns of 2,000 rows holds 34 to 64 KiB (sized from the file, or in doubling blocks):
    // alone it fits; two do not.
    expect(
      await runValidate({ data: "part.csv", reference: "part.csv", schemaOnly: true, policy: "modelgate.yml" }, access),
    ).not.toHaveProperty("error");
    const both = await runValidate(
      { data: "part.csv", reference: "part.csv", schemaOnly: false, policy: "modelgate.yml" },
      access,
    );
    expect(both).not.toHaveProperty("error");
    expect(!("error" in both) && both.notes).toContainEqual(
      expect.stringMatching(/^part\.csv \(2000 rows\) is larger than the memory limit of 80 KiB allows in memory/),
    );
  });
});

describe("the policy size limit", () => {
  const big = `version: 1\nmodel: m\nevaluate:\n  metrics:\n${Array.from({ length: 60 }, (_, i) => `    m${i}: { direction: higher, min: 0.5 }`).join("\n")}\n`;

  it("refuses a policy over policy-max-bytes before parsing it, naming its size, the limit and the flag", async () => {
    write("big.yml", big);
    write("metrics.json", '{"m0": 0.9}');
    const result = await runEvaluate({ candidate: "metrics.json", policy: "big.yml", policyMaxBytes: 1024 }, access);
    expect(result).toMatchObject({ verdict: "fail", error: { input: "policy", file: "big.yml" } });
    expect("error" in result && result.error.message).toBe(
      `Input "policy": big.yml is ${formatByteSize(big.length)}, more than the 1 KiB a policy file may have (--policy-max-bytes).`,
    );
    // The same policy under the default limit is read and judged (m1 … m59 are missing from the candidate: fail).
    expect(await runEvaluate({ candidate: "metrics.json", policy: "big.yml" }, access)).not.toHaveProperty("error");
  });

  it("reads the input as a size, 1 MiB by default", () => {
    const input = (values: Record<string, string>) => readValidateInputs((name) => values[name] ?? "");
    expect(input({ data: "d.csv" }).policyMaxBytes).toBe(DEFAULT_POLICY_MAX_BYTES);
    expect(input({ data: "d.csv", "policy-max-bytes": "256KiB" }).policyMaxBytes).toBe(256 * 1024);
    expect(() => input({ data: "d.csv", "policy-max-bytes": "lots" })).toThrow(/Input "policy-max-bytes" is "lots"/);
  });

  it("keeps a policy of 20,000 metrics, parsed in linear time, under the default", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `    m${i}: { direction: higher, min: 0.5 }`);
    const text = `version: 1\nevaluate:\n  metrics:\n${lines.join("\n")}\n`;
    expect(text.length).toBeLessThan(DEFAULT_POLICY_MAX_BYTES);
    expect(Object.keys(parsePolicy(text, "modelgate.yml").evaluate!.metrics)).toHaveLength(20_000);
  });

  it("refuses it in validate as in evaluate, and says how to raise the limit", async () => {
    write("huge.yml", big);
    const result = await runValidate(
      { data: write("d.csv", rows(3)), schemaOnly: true, policy: "huge.yml", policyMaxBytes: 100 },
      access,
    );
    expect(result).toMatchObject({
      action: "validate-data",
      verdict: "fail",
      error: { input: "policy", file: "huge.yml" },
    });
    expect("error" in result && result.error.hint).toBe(
      "Keep huge.yml small (it is read whole and parsed before anything else), or raise --policy-max-bytes.",
    );
  });
});

describe("documents read whole", () => {
  it("may have 1/64 of the memory limit: a metrics file over it is refused before it is parsed", async () => {
    write(
      "modelgate.yml",
      "version: 1\nmodel: m\nlimits:\n  memory: 64KiB\nevaluate:\n  metrics:\n    m0: { direction: higher, min: 0.5 }\n",
    );
    const metrics = write(
      "big-metrics.json",
      JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`m${i}`, 0.9]))),
    );
    const result = await runEvaluate({ candidate: metrics, policy: "modelgate.yml" }, access);
    expect(result).toMatchObject({ verdict: "fail", error: { input: "candidate", file: "big-metrics.json" } });
    expect("error" in result && result.error.message).toMatch(
      /^Input "candidate": big-metrics\.json is \d+(\.\d+)? KiB, more than the 1 KiB a candidate file may have \(limits\.memory in modelgate\.yml, of which a file read whole and parsed may have 1\/64\)\.$/,
    );
    expect(documentLimit({ workspace, allowedRoots: [] }).bytes).toBe(16 * 2 ** 20);
  });
});

describe("--limit", () => {
  it("sets limits by name over the policy's and the defaults, pointing refusals at the flag", () => {
    const limits = readLimitFlags(["rows=20000000", "memory=2GiB"], { columns: 7 });
    expect(limits.values).toEqual({
      rows: 20_000_000,
      columns: 7,
      bytes: DEFAULT_READ_LIMITS.bytes,
      memory: 2 * 2 ** 30,
    });
    expect(limits.setting("memory")).toBe("--limit memory=…");
  });

  it("refuses an unknown name or a value that is not a count or a size", () => {
    for (const flag of ["cells=5", "rows=0", "rows=1.5", "memory=lots", "rows"])
      expect(() => readLimitFlags([flag]), flag).toThrow(UsageError);
  });
});

describe("UTF-8 checked as a stream", () => {
  it("finds the line of an invalid byte whatever the chunks cut, and an unfinished sequence at the end", () => {
    const text = Buffer.concat([Buffer.from("a,b\nZürich,東京\n🚀,x\n"), Buffer.from([0xe9, 0x0a])]);
    expect(firstInvalidUtf8Line(text)).toBe(4);
    for (let cut = 1; cut < text.length; cut++) {
      const checker = new Utf8LineChecker();
      expect(
        checker.push(text.subarray(0, cut)) ?? checker.push(text.subarray(cut)) ?? checker.end(),
        `cut at ${cut}`,
      ).toBe(4);
    }
    const valid = Buffer.from("a\nZürich 東京 🚀\n");
    for (let cut = 1; cut < valid.length; cut++) {
      const checker = new Utf8LineChecker();
      expect(
        checker.push(valid.subarray(0, cut)) ?? checker.push(valid.subarray(cut)) ?? checker.end(),
      ).toBeUndefined();
    }
    expect(firstInvalidUtf8Line(Buffer.from([0x61, 0x0a, 0xf0, 0x9f]))).toBe(2);
  });
});

describe("the catalog", () => {
  it("documents each default as the code has it", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/catalog/limits.md", import.meta.url)), "utf8");
    expect(doc).toContain(`| \`limits.rows\` | ${DEFAULT_READ_LIMITS.rows.toLocaleString("en-US")} |`);
    expect(doc).toContain(`| \`limits.columns\` | ${DEFAULT_READ_LIMITS.columns.toLocaleString("en-US")} |`);
    expect(doc).toContain(`| \`limits.bytes\` | \`${formatByteSize(DEFAULT_READ_LIMITS.bytes).replace(" ", "")}\` |`);
    expect(doc).toContain(`| \`limits.memory\` | \`${formatByteSize(DEFAULT_READ_LIMITS.memory).replace(" ", "")}\` |`);
    expect(doc).toContain(
      `| \`policy-max-bytes\` input | \`${formatByteSize(DEFAULT_POLICY_MAX_BYTES).replace(" ", "")}\` |`,
    );
    expect(doc).toContain(`| row length (fixed) | ${formatByteSize(MAX_ROW_CHARS)} |`);
    expect(doc).toContain(
      `| files read whole | 1/${DOCUMENT_MEMORY_SHARE} of \`limits.memory\` (${formatByteSize(DEFAULT_READ_LIMITS.memory / DOCUMENT_MEMORY_SHARE)}); 1/${JSON_DOCUMENT_MEMORY_SHARE} (${formatByteSize(DEFAULT_READ_LIMITS.memory / JSON_DOCUMENT_MEMORY_SHARE)}) for`,
    );
  });
});

describe("a reference too large to hold", () => {
  const fixtures = fileURLToPath(new URL("../validate/fixtures/large/", import.meta.url));

  it("is compared as its streamed profile, not refused, and the result says so", async () => {
    write("modelgate.yml", "version: 1\nmodel: m\nlimits:\n  rows: 2500\n");
    write("reference.csv", readFileSync(path.join(fixtures, "reference.csv"), "utf8"));
    write(
      "current.csv",
      `${readFileSync(path.join(fixtures, "current.csv"), "utf8").split("\n").slice(0, 2001).join("\n")}\n`,
    );
    const result = await runValidate(
      { data: "current.csv", reference: "reference.csv", schemaOnly: false, policy: "modelgate.yml" },
      access,
    );
    if ("error" in result || result.action !== "validate-data")
      throw new Error(`expected a decided validate-data result, got ${JSON.stringify(result)}`);
    expect(result.data.rows).toBe(2000);
    expect(result.reference).toMatchObject({ file: "reference.csv", format: "csv", rows: 3000 });
    expect(result.notes).toContain(
      "reference.csv (3000 rows) is larger than the rows limit of 2500 allows in memory, so drift was judged against its profile, streamed in memory that does not grow with its rows: numbers with more than 5 distinct values are compared on quantile sketches (each check states its bound; KS needs the raw values and is not run), categories on exact counts.",
    );
    // The drift of the data's profile against the reference's: what modelgate profile build and validate on profiles give.
    const policy = parsePolicy("version: 1\nmodel: m\n", "modelgate.yml");
    const profileOf = async (file: string) => ({
      file,
      profile: buildProfile(await readDataTable(file, "data", access, policy.data)),
    });
    const onProfiles = validateProfiles({
      data: await profileOf("current.csv"),
      reference: await profileOf("reference.csv"),
      policy,
      policyProvenance: { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" },
      key: "m",
      notes: [],
    });
    // (The gate's checks also carry the policy line they come from.)
    expect(result.drift!.columns.map(({ policy_line: _line, ...check }) => check)).toEqual(onProfiles.drift!.columns);
    expect(result.drift!.columns.some((column) => column.approximation !== undefined)).toBe(true);
  });

  it("is refused when even its profile passes the memory limit", async () => {
    write("modelgate.yml", "version: 1\nmodel: m\nlimits:\n  memory: 64KiB\n");
    write("ids.csv", `id\n${Array.from({ length: 5_000 }, (_, i) => `customer-${i}`).join("\n")}\n`);
    write("small.csv", "id\ncustomer-1\n");
    const result = await runValidate(
      { data: "small.csv", reference: "ids.csv", schemaOnly: false, policy: "modelgate.yml" },
      access,
    );
    expect(result).toMatchObject({ verdict: "fail", error: { input: "reference", file: "ids.csv" } });
    expect("error" in result && result.error.message).toMatch(/the memory limit/);
  });
});
