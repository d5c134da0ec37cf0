import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlainYaml, resolvePlainScalar } from "../../../../shared/src/data/files/parse-plain-yaml.js";
import { parseYamlDocument } from "../../../../shared/src/data/files/parse-yaml-document.js";
import { StructuredTextSyntaxError } from "../../../../shared/src/data/files/structured-text-syntax-error.js";

/** Every key path of a value, and one missing key and index under each node, for comparing `lineOf`. */
function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const paths = [path, [...path, "missing"], [...path, 7]];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...path, i])));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...path, key]));
  return paths;
}

/** What the full YAML parser reads: the value and every path's line, or its error. */
function viaYaml(text: string) {
  try {
    const doc = parseYamlDocument(text);
    return { value: doc.value, lines: pathsOf(doc.value).map((path) => doc.lineOf(path)) };
  } catch (error) {
    if (error instanceof StructuredTextSyntaxError) return { error: error.message };
    throw error;
  }
}

/** Asserts the plain reader either declines `text` or reads it exactly as yaml does; says which. */
function expectSameAsYaml(text: string): boolean {
  const plain = parsePlainYaml(text);
  if (plain === undefined) return false;
  expect({ value: plain.value, lines: pathsOf(plain.value).map((path) => plain.lineOf(path)) }, text).toEqual(
    viaYaml(text),
  );
  return true;
}

const repositoryYaml = execFileSync("git", ["ls-files", "*.yml", "*.yaml"], { encoding: "utf8" })
  .split("\n")
  .filter(Boolean);

/** A seeded generator of texts in and around the plain subset: every construct it reads, and near misses. */
function generatedTexts(count: number): string[] {
  let seed = 20261207;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const scalars = [
    "0.8",
    "-1",
    "+3",
    "1e-3",
    "1E+2",
    ".5",
    "5.",
    "-0",
    "007",
    "0o17",
    "0x1F",
    ".inf",
    "-.Inf",
    ".NaN",
    "1_000",
    "true",
    "False",
    "TRUE",
    "yes",
    "no",
    "on",
    "null",
    "Null",
    "~",
    "higher",
    "churn-classifier",
    "a b",
    "a  b",
    "dir:name",
    "data/reference.csv",
    "-x",
    "--",
    "...",
    "x.y",
    "12345678901234567890",
    "1e400",
    "'q'",
    '"d q"',
    '""',
    "''",
    "'it''s'",
    '"a\\tb"',
    "a #c",
    "a#b",
    "- x",
    "-",
    ":x",
    "x:",
    "x: y",
    "a,b",
    "[a, b]",
    "[]",
    "{}",
    "{ min: 0.8 }",
    "{min: 1,max: 2}",
    "{ a: [x, y], b: { c: 1 } }",
    "[a, [b, c]]",
    "[a, ]",
    "{ a: }",
    "{ a:1 }",
    "&x 1",
    "*x",
    "!!str 1",
    "|",
    ">",
    "? a",
    "%x",
    "@x",
    "`x`",
    "a\tb",
    "[ 'x', \"y\" ]",
    "{ 1: a }",
    "{ true: a }",
  ];
  const keys = [
    "version",
    "model",
    "evaluate",
    "metrics",
    "accuracy",
    "f1",
    "max-regression",
    "a.b",
    "x/y",
    "_k",
    "1",
    "true",
    "null",
    "yes",
    "key name",
    "k:",
    "__proto__",
    "constructor",
    "5xx_rate",
    "-k",
    "K",
  ];
  // Every other text keeps to the constructs the subset reads (the first items of each list): no near misses.
  const goodScalars = scalars.slice(0, scalars.indexOf("...") + 1);
  const goodKeys = keys.slice(0, keys.indexOf("_k") + 1);
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    const good = t % 2 === 0;
    const scalar = () => (good ? pick(goodScalars) : pick(scalars));
    const lines: string[] = [];
    const emit = (depth: number, indent: number) => {
      const n = 1 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        const pad = " ".repeat(indent + (!good && random() < 0.03 ? 1 : 0));
        const roll = random();
        if (roll < 0.08) lines.push(pick(["", "# comment", `${pad}# indented comment`, "   "]));
        const key = good ? pick(goodKeys) : pick(keys);
        if (depth < 3 && roll < 0.35) {
          lines.push(`${pad}${key}:${pick(["", " # note", "  "])}`);
          emit(depth + 1, indent + pick(good ? [2, 4, 1] : [2, 2, 4, 1, 0]));
        } else if (depth < 3 && roll < 0.45) {
          lines.push(`${pad}${key}:`);
          const itemPad = " ".repeat(indent + pick(good ? [2, 4] : [2, 2, 0, 4]));
          for (let j = 0; j < 1 + Math.floor(random() * 3); j++) lines.push(`${itemPad}- ${scalar()}`);
        } else lines.push(`${pad}${key}: ${scalar()}${pick(["", "", " # c", "  ", good ? "" : "#c"])}`);
        if (!good && random() < 0.03) lines.push(`${pad}  continued`);
      }
    };
    emit(0, 0);
    texts.push(`${lines.join("\n")}${pick(["\n", "", "\n\n"])}`);
  }
  return texts;
}

describe("parsePlainYaml", () => {
  it.each(repositoryYaml)("reads %s as yaml does, or leaves it to yaml", (file) => {
    expectSameAsYaml(readFileSync(file, "utf8"));
  });

  it("reads the example policies itself, so that a gate's usual start-up never loads yaml", () => {
    for (const file of ["shared/examples/churn/modelgate.yml", "shared/examples/churn/data/modelgate.yml"])
      expect(expectSameAsYaml(readFileSync(file, "utf8")), file).toBe(true);
  });

  it("reads 3,000 generated texts in and around the subset as yaml does, or leaves them to yaml", () => {
    const texts = generatedTexts(3_000);
    const read = texts.filter((text) => expectSameAsYaml(text)).length;
    // Both halves exercised: the subset reads many of them, and declines many.
    expect(read).toBeGreaterThan(800);
    expect(read).toBeLessThan(2_700);
  });

  it.each([
    ["a repeated key", "a: 1\na: 2\n"],
    ["a repeated key in a flow mapping", "a: { x: 1, x: 2 }\n"],
    ["a tab", "a:\n\tb: 1\n"],
    ["a carriage return", "a: 1\r\nb: 2\r\n"],
    ["a byte order mark", "\uFEFFa: 1\n"],
    ["a plain scalar continued on the next line", "a: hello\n  world\n"],
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a block scalar", "a: |\n  text\n"],
    ["a document marker", "---\na: 1\n"],
    ["a flow collection over two lines", "a: [x,\n  y]\n"],
    ["a key that is a number", "1: a\n"],
    ["a key named __proto__", "__proto__: 1\n"],
    ["a top-level list", "- a\n- b\n"],
    ["a list at its key's indent", "a:\n- x\n"],
    ["an indent that matches no mapping", "a:\n    b: 1\n  c: 2\n"],
    ["an escape in a double-quoted string", 'a: "x\\ty"\n'],
    ["an empty document", "# nothing\n"],
  ])("leaves %s to yaml", (_, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it("reads a policy's usual shapes with the value and lines yaml gives", () => {
    const text = [
      "# header",
      "version: 1",
      "model: dir:churn-classifier",
      "evaluate:",
      "  metrics:",
      "    accuracy:       { direction: higher, min: 0.80, max-regression: 0.01 }  # floor",
      "    latency_p95_ms: { direction: lower, max: 150 }",
      "fairness:",
      "  sensitive: [region, age_band]",
      "  columns:",
      "    - 'id'",
      '    - "score"',
      "  empty:",
      "limits: {}",
      "",
    ].join("\n");
    expect(expectSameAsYaml(text)).toBe(true);
    const doc = parsePlainYaml(text)!;
    expect(doc.lineOf(["evaluate", "metrics", "latency_p95_ms", "max"])).toBe(7);
    expect(doc.lineOf(["fairness", "columns", 1])).toBe(12);
    expect(doc.value).toMatchObject({ model: "dir:churn-classifier", fairness: { empty: null } });
  });

  it.each([
    ["0o17", 15],
    ["0x1F", 31],
    ["-0", -0],
    ["1e400", Infinity],
    ["-.inf", -Infinity],
    [".NaN", NaN],
    ["1_000", "1_000"],
    ["yes", "yes"],
    ["~", null],
    ["", null],
    ["TRUE", true],
    ["5.", 5],
  ])("resolves the plain scalar %s as YAML 1.2's core schema does", (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual(expected);
    expect(viaYaml(`a: ${text}\n`).value).toEqual({ a: expected });
  });
});
