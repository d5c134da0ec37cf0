import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlainJson } from "../../../../shared/src/data/files/parse-plain-json.js";
import { parseYamlDocument } from "../../../../shared/src/data/files/parse-yaml-document.js";

const repositoryJson = execFileSync("git", ["ls-files", "*.json"], { encoding: "utf8" }).split("\n").filter(Boolean);

/** Asserts `parsePlainJson` declines `text` or gives the value the YAML parser gives; says which. */
function expectSameAsYaml(text: string): boolean {
  const plain = parsePlainJson(text);
  if (plain === undefined) return false;
  expect(plain, text.slice(0, 200)).toEqual(parseYamlDocument(text).value);
  return true;
}

describe("parsePlainJson", () => {
  it.each(repositoryJson)("reads %s as the YAML parser does, or declines it", (file) => {
    expectSameAsYaml(readFileSync(file, "utf8"));
  });

  it("reads the example metrics files itself", () => {
    for (const file of ["shared/examples/churn/candidate-better.json", "shared/examples/churn/baseline.json"])
      expect(expectSameAsYaml(readFileSync(file, "utf8")), file).toBe(true);
  });

  it("reads numbers, nesting, lists and strings with brackets or colons as the YAML parser does", () => {
    const text = `{"a": -0, "b": 1e400, "c": 1.50, "d": 12345678901234567890, "e": [1, {"f": "x{y]:z"}, []],
 "g": {"h": {"i": null, "j": true}}, "k": "", "": 3, "l:m": 0.1}`;
    expect(expectSameAsYaml(text)).toBe(true);
  });

  it.each([
    ["a key repeated in a mapping", '{"a": 1, "a": 2}'],
    ["a key repeated in a nested mapping", '{"m": {"a": 1, "b": 2, "a": 3}}'],
    ["an escape", '{"a\\u0041": 1}'],
    ["a tab", '{"a":\t1}'],
    ["a carriage return", '{"a": 1}\r\n'],
    ["a byte order mark", '\uFEFF{"a": 1}'],
    ["a non-ASCII character", '{"é": 1}'],
    ["a key named __proto__", '{"__proto__": 1}'],
    ["a top-level list", "[1, 2]"],
    ["leading whitespace", ' {"a": 1}'],
    ["Python's bare NaN", '{"a": NaN}'],
    ["a syntax error", '{"a": 1,}'],
    ["nesting deeper than 64 levels", `${'{"a": '.repeat(65)}1${"}".repeat(65)}`],
    ["a key longer than 1,000 characters", `{"${"k".repeat(1001)}": 1}`],
  ])("declines %s, which the YAML path reads or refuses itself", (_, text) => {
    expect(parsePlainJson(text)).toBeUndefined();
  });

  it("keeps a repeated key's text apart from a value that looks like it", () => {
    expect(parsePlainJson('{"a": "\\"a\\": 1", "b": 2}')).toBeUndefined();
    expect(parsePlainJson('{"a": "b", "b": "a"}')).toEqual({ a: "b", b: "a" });
    expect(parsePlainJson('{"x": {"a": 1}, "y": {"a": 2}}')).toEqual({ x: { a: 1 }, y: { a: 2 } });
  });
});
