import { describe, expect, it } from "vitest";
import { parseGlobPattern, parsePatternLines } from "../../../shared/src/lineage/glob-pattern.js";

const matches = (pattern: string, file: string) => parseGlobPattern(pattern).regexp!.test(file);

describe("parseGlobPattern", () => {
  it("treats a path without glob characters as literal, from its own folder", () => {
    expect(parseGlobPattern("./data/train.csv/")).toMatchObject({
      text: "data/train.csv",
      base: "data/train.csv",
      regexp: null,
      negated: false,
    });
  });

  it("matches * within one segment only", () => {
    expect(matches("data/*.csv", "data/a.csv")).toBe(true);
    expect(matches("data/*.csv", "data/sub/a.csv")).toBe(false);
    expect(parseGlobPattern("data/*.csv").base).toBe("data");
  });

  it("matches ** across any number of segments, zero included", () => {
    expect(matches("data/**/*.csv", "data/a.csv")).toBe(true);
    expect(matches("data/**/*.csv", "data/x/y/a.csv")).toBe(true);
    expect(matches("data/**", "data/x/y/a.bin")).toBe(true);
    expect(matches("**/*.json", "a/b/c.json")).toBe(true);
    expect(matches("**/*.json", "a/b/c.jsonl")).toBe(false);
  });

  it("matches ? as one character and [..] as a class, and escapes regexp characters", () => {
    expect(matches("model-?.bin", "model-1.bin")).toBe(true);
    expect(matches("model-[0-3].bin", "model-4.bin")).toBe(false);
    expect(matches("a+b(*).txt", "a+b(1).txt")).toBe(true);
    expect(matches("a.txt*", "abtxt")).toBe(false);
  });
});

describe("parsePatternLines", () => {
  it("skips blank lines and comments and reads ! as an exclusion", () => {
    const lines = parsePatternLines("data/**\n\n# code\n!data/tmp/**\n  train.mjs  \n");
    expect(lines.map((l) => [l.text, l.negated])).toEqual([
      ["data/**", false],
      ["data/tmp/**", true],
      ["train.mjs", false],
    ]);
  });
});
