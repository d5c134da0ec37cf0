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
});
