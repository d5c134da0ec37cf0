import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../../../shared/src/data/files/find-json-syntax-error.js";

describe("findJsonSyntaxError", () => {
  it("returns undefined when JSON.parse accepts the text", () => {
    expect(findJsonSyntaxError('{"accuracy": 0.9}')).toBeUndefined();
  });

  it("says what JSON expected and where, on its own line and column, when a comma is missing", () => {
    // Line 3, column 3 is the opening quote of "f1", where JSON.parse stops; V8's wording differs by Node version only in the suffix we drop.
    expect(findJsonSyntaxError('{\n  "accuracy": 0.9\n  "f1": 0.8\n}')).toEqual({
      reason: "Expected ',' or '}' after property value",
      line: 3,
      column: 3,
    });
  });

  it("accepts the bare NaN, Infinity and -Infinity Python's json writes, and points at the real error after them", () => {
    expect(findJsonSyntaxError('{"a": NaN, "b": -Infinity, "c": Infinity}')).toBeUndefined();
    expect(findJsonSyntaxError('{"a": NaN, "b": 1,}')).toEqual({
      reason: "Expected double-quoted property name",
      line: 1,
      column: 19,
    });
  });

  it("leaves NaN inside a string alone when the string is a key", () => {
    expect(findJsonSyntaxError('{"NaN": 1 "x": 2}')).toEqual({
      reason: "Expected ',' or '}' after property value",
      line: 1,
      column: 11,
    });
  });

  it("gives the reason without a position when JSON.parse names none", () => {
    expect(findJsonSyntaxError('{"a": ')).toEqual({
      reason: "Unexpected end of JSON input",
      line: undefined,
      column: undefined,
    });
  });
});
