import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMetricsText, readMetricsFile } from "../../../../shared/src/data/metrics/read-metrics-file.js";
import { DataError } from "../../../../shared/src/core/modelgate-error.js";

const parse = (text: string, name = "metrics.json") => parseMetricsText(text, name, "0".repeat(64), "candidate");

describe("parseMetricsText", () => {
  it("flattens nested DVC-style metrics into dotted names", () => {
    const file = parse('{"test": {"acc": 0.9, "f1": 0.8}, "loss": 0.3}');
    expect([...file.values]).toEqual([
      ["test.acc", 0.9],
      ["test.f1", 0.8],
      ["loss", 0.3],
    ]);
  });

  it("reads YAML metrics files", () => {
    expect(parse("test:\n  acc: 0.9\nloss: 0.3\n", "metrics.yaml").values.get("test.acc")).toBe(0.9);
  });

  it("indexes list items, keeps strings, and turns NaN/Infinity spellings into non-finite numbers", () => {
    const file = parse('{"folds": [{"auc": 0.8}, {"auc": 0.82}], "note": "ok", "bad": "NaN", "worse": "-Infinity"}');
    expect(file.values.get("folds.1.auc")).toBe(0.82);
    expect(file.values.get("note")).toBe("ok");
    expect(file.values.get("bad")).toBeNaN();
    expect(file.values.get("worse")).toBe(Number.NEGATIVE_INFINITY);
  });

  it("keeps a text value spelled like an Object.prototype name as that text, and a metric named __proto__", () => {
    const file = parse('{"a": "constructor", "b": "__proto__", "c": "toString", "__proto__": 0.5}');
    expect([...file.values]).toEqual([
      ["a", "constructor"],
      ["b", "__proto__"],
      ["c", "toString"],
      ["__proto__", 0.5],
    ]);
  });

  it("points at the line of a !!binary value and says what to write instead", () => {
    expect(() => parse("accuracy: !!binary aGVsbG8=\n", "m.yaml")).toThrow(
      'Input "candidate": m.yaml is not valid YAML at line 1: accuracy is a !!binary value (bytes), which modelgate does not read; write a number, text, true/false, a list or a mapping.',
    );
  });

  it.each([
    ["a stray word", "accuracy = 0.9\n"],
    ["an empty value", '{"accuracy": }'],
    ["a trailing comma", '{"accuracy": 0.9,}'],
  ])("refuses a .json file with %s, which YAML would read", (_, text) => {
    // Node 20's JSON.parse gives no position for some of these; Node 22+ does.
    expect(() => parse(text)).toThrow(
      /^Input "candidate": metrics\.json is not valid JSON( at line 1, column \d+)?: \S/,
    );
  });

  it("reads a .json file with a byte order mark and Python's bare NaN", () => {
    expect([...parse('\uFEFF{"accuracy": NaN, "f1": 0.8}').values]).toEqual([
      ["accuracy", Number.NaN],
      ["f1", 0.8],
    ]);
  });

  it("reads YAML's .nan and .inf as non-finite numbers", () => {
    const file = parse("a: .nan\nb: .inf\n", "m.yml");
    expect(file.values.get("a")).toBeNaN();
    expect(file.values.get("b")).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ['{"test.acc": 0.9, "test": {"acc": 0.8}}', /flatten to the same metric name "test.acc"/],
    ['{"acc": 0.9, "acc": 0.8}', /not valid JSON at line 1.*appears twice/],
    ['{"acc": 0.9', /not valid JSON at line 1/],
    ["[0.9, 0.8]", /must hold a mapping of metric names to values, not a list/],
    ["0.9", /must hold a mapping.*not number/],
  ])("refuses %s with a message naming the file", (text, message) => {
    expect(() => parse(text)).toThrow(DataError);
    expect(() => parse(text)).toThrow(message);
    expect(() => parse(text)).toThrow(/metrics.json/);
  });

  it("refuses an extension it cannot read and lists the ones it can", () => {
    expect(() => parse("acc,0.9", "metrics.csv")).toThrow(/\.csv.*must be \.json, \.yaml or \.yml/);
  });
});

describe("readMetricsFile", () => {
  const workspace = mkdtempSync(path.join(tmpdir(), "mg-ws-"));
  const outside = mkdtempSync(path.join(tmpdir(), "mg-out-"));
  writeFileSync(path.join(workspace, "m.json"), '{"acc": 0.9}');
  writeFileSync(path.join(workspace, "empty.json"), "  \n");
  writeFileSync(path.join(outside, "secret.json"), '{"acc": 1}');
  mkdirSync(path.join(workspace, "dir.json"));
  symlinkSync(path.join(outside, "secret.json"), path.join(workspace, "link.json"));
  const access = { workspace, allowedRoots: [workspace] };

  it("reads a file inside the workspace and records its sha256", async () => {
    const file = await readMetricsFile("m.json", access, "candidate");
    // sha256 of the 12 bytes {"acc": 0.9}, computed with `printf '{"acc": 0.9}' | sha256sum`.
    expect(file.sha256).toBe("69ac9e61b6ed75e4ba367514b4d85f5e55f1e1f245376a7064e3bbee482f2612");
    expect(file.values.get("acc")).toBe(0.9);
  });

  it.each([
    ["missing.json", /does not exist/],
    ["empty.json", /is empty/],
    ["dir.json", /is a folder/],
    ["../" + path.basename(outside) + "/secret.json", /points outside the workspace/],
    ["link.json", /points outside the workspace/],
  ])("refuses %s with a message naming the input and the fix", async (spec, message) => {
    const error = await readMetricsFile(spec, access, "baseline").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(message);
    expect((error as DataError).message).toContain('Input "baseline"');
    expect((error as DataError).hint.length).toBeGreaterThan(10);
  });
});
