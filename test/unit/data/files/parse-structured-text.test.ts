import { describe, expect, it } from "vitest";
import {
  parseStructuredText,
  StructuredTextSyntaxError,
} from "../../../../shared/src/data/files/parse-structured-text.js";

function syntaxErrorOf(text: string): StructuredTextSyntaxError {
  try {
    parseStructuredText(text);
  } catch (error) {
    if (error instanceof StructuredTextSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a syntax error");
}

describe("parseStructuredText", () => {
  it("names the repeated key and points at its second occurrence when a JSON key appears twice", () => {
    const error = syntaxErrorOf('{"accuracy": 0.5,\n "accuracy": 0.95}');
    expect(error.message).toBe('a key appears twice in one mapping: "accuracy"');
    expect([error.line, error.column]).toEqual([2, 2]);
  });

  it("names the repeated key when a nested YAML key appears twice", () => {
    expect(syntaxErrorOf("test:\n  acc: 0.9\n  acc: 0.8\n").message).toBe('a key appears twice in one mapping: "acc"');
  });

  it("refuses an alias bomb as a syntax error at the first alias instead of throwing yaml's ReferenceError", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [i, name] of ["b", "c", "d", "e", "f"].entries())
      levels.push(`${name}: &${name} [${Array(9).fill(`*${"abcde"[i]}`).join(", ")}]`);
    const error = syntaxErrorOf(`version: 1\n${levels.join("\n")}\n`);
    expect(error.message).toMatch(
      /^its aliases expand into more than 100 copies \(the first alias is \*a\), as in a "billion laughs" attack/,
    );
    expect(error.line).toBe(3);
  });

  it("reads a few aliases as the values they stand for when they expand modestly", () => {
    expect(parseStructuredText("base: &b { min: 0.8 }\nf1: *b\nauc: *b\n").value).toEqual({
      base: { min: 0.8 },
      f1: { min: 0.8 },
      auc: { min: 0.8 },
    });
  });

  it.each([
    ["!!binary aGVsbG8=", "a !!binary value (bytes)"],
    ["!!set { a, b }", "a !!set"],
    ["!!omap [ a: 1 ]", "an !!omap (ordered map)"],
  ])("refuses %s with the key path and line instead of reading it as an object", (value, kind) => {
    const error = syntaxErrorOf(`version: 1\nevaluate:\n  metrics: ${value}\n`);
    expect(error.message).toBe(
      `evaluate.metrics is ${kind}, which modelgate does not read; write a number, text, true/false, a list or a mapping`,
    );
    expect(error.line).toBe(3);
  });

  it("refuses a tag yaml cannot resolve instead of reading its text silently", () => {
    const error = syntaxErrorOf("accuracy: !Ref 0.9\n");
    expect(error.message).toBe("the tag !Ref is not one modelgate reads; remove it and write the plain value");
    expect(error.line).toBe(1);
  });

  it("keeps a key named __proto__ as an own key, as JSON.parse does", () => {
    const value = parseStructuredText('{"__proto__": 0.5, "constructor": 1}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it("finds the one repeated key among 2,000 of a mapping and names its line", () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `m${i}: { direction: higher, min: 0.5 }`);
    lines.splice(1_500, 0, "m7: { direction: lower, max: 1 }");
    const error = syntaxErrorOf(`${lines.join("\n")}\n`);
    expect(error.message).toBe('a key appears twice in one mapping: "m7"');
    expect(error.line).toBe(1_501);
  });

  it("reports the earlier problem first when a repeated key comes before a syntax error", () => {
    expect(syntaxErrorOf("a: 1\na: 2\nb: [\n").message).toBe('a key appears twice in one mapping: "a"');
    expect(syntaxErrorOf("b: [\na: 1\na: 2\n").message).not.toMatch(/twice/);
  });

  it('compares keys by value as YAML does: 1 and "1" are different keys', () => {
    expect(parseStructuredText('{"1": "text", 1: "number"}').value).toEqual({ 1: "number" });
  });

  it("looks up the line of a key path among many keys", () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `  m${i}: { direction: higher, min: 0.5 }`);
    const document = parseStructuredText(`metrics:\n${lines.join("\n")}\n`);
    expect(document.lineOf(["metrics", "m1321", "min"])).toBe(1_323);
    expect(document.lineOf(["metrics", "absent"])).toBe(1);
  });
});
