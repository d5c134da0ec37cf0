import { describe, expect, it } from "vitest";
import { classifyNonNumberText, parseNumberText } from "../../../../shared/src/data/table/parse-number-text.js";

describe("parseNumberText", () => {
  it.each([
    ["12", 12],
    ["-0.5", -0.5],
    [" 3.25\t", 3.25],
    ["\u00a07", 7],
    [".5", 0.5],
    ["5.", 5],
    ["+7", 7],
    ["1e-3", 0.001],
    ["1E+3", 1000],
    ["0", 0],
    ["0.1", 0.1],
    ["00012", 12],
    ["0e5", 0],
    ["-0", -0],
    ["1.7976931348623157e308", Number.MAX_VALUE],
    ["5e-324", Number.MIN_VALUE],
    ["0.30000000000000004", 0.30000000000000004],
    ["9007199254740993", 9007199254740992],
  ])("reads the decimal text %j as %d", (text, value) => {
    expect(Object.is(parseNumberText(text), value)).toBe(true);
  });

  it("agrees with Number() on the shortest and the 17-digit text of random doubles", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      for (const text of [String(value), value.toPrecision(17), value.toExponential(3)])
        expect(parseNumberText(text)).toBe(Number(text));
    }
  });

  it.each([
    ["", "missing"],
    ["   ", "missing"],
    ["\t\r", "missing"],
    ["NaN", "nonFinite"],
    ["nan", "nonFinite"],
    ["-NaN", "nonFinite"],
    ["inf", "nonFinite"],
    ["-Inf", "nonFinite"],
    ["+INF", "nonFinite"],
    ["Infinity", "nonFinite"],
    ["-infinity", "nonFinite"],
    ["1e999", "nonFinite"],
    ["-1e400", "nonFinite"],
    ["0x1F", "nonNumeric"],
    [" 0b101", "nonNumeric"],
    ["0o17", "nonNumeric"],
    ["1_000", "nonNumeric"],
    ["1,5", "nonNumeric"],
    ["NA", "nonNumeric"],
    ["n/a", "nonNumeric"],
    ["1 2", "nonNumeric"],
    ["\u22121", "nonNumeric"],
    ["infinite", "nonNumeric"],
  ])("gives NaN for %j and classifies it as %s", (text, kind) => {
    expect(parseNumberText(text)).toBeNaN();
    expect(classifyNonNumberText(text)).toBe(kind);
  });
});
