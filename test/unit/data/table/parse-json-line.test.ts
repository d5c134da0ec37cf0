import { describe, expect, it } from "vitest";
import { JsonLineSyntaxError, parseJsonLine } from "../../../../shared/src/data/table/parse-json-line.js";

describe("parseJsonLine", () => {
  it("parses a JSON object", () => {
    expect(parseJsonLine('{"a": [1, "x"], "b": null}')).toEqual({ a: [1, "x"], b: null });
  });

  it("reads Python's bare NaN and Infinity as non-finite values and leaves them alone inside strings", () => {
    expect(parseJsonLine('{"a": NaN, "b": Infinity, "c": -Infinity, "d": "NaN Infinity"}')).toEqual({
      a: "NaN",
      b: Infinity,
      c: -Infinity,
      d: "NaN Infinity",
    });
  });

  it("throws a JsonLineSyntaxError that does not quote the line", () => {
    let caught: unknown;
    try {
      parseJsonLine('{"secret": "hunter2",}');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonLineSyntaxError);
    expect((caught as Error).message).not.toContain("hunter2");
  });
});
