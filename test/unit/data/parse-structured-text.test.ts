import { describe, expect, it } from "vitest";
import { parseStructuredText, StructuredTextSyntaxError } from "../../../shared/src/data/parse-structured-text.js";

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

  it("compares keys by value as YAML does: 1 and \"1\" are different keys", () => {
    expect(parseStructuredText('{"1": "text", 1: "number"}').value).toEqual({ 1: "number" });
  });

  it("looks up the line of a key path among many keys", () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `  m${i}: { direction: higher, min: 0.5 }`);
    const document = parseStructuredText(`metrics:\n${lines.join("\n")}\n`);
    expect(document.lineOf(["metrics", "m1321", "min"])).toBe(1_323);
    expect(document.lineOf(["metrics", "absent"])).toBe(1);
  });
});
