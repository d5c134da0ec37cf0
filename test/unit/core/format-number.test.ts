import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, formatSigned } from "../../../shared/src/core/format-number.js";

describe("formatNumber", () => {
  it.each([
    [0.8123456, "0.812346"],
    [143.2, "143.2"],
    [0.9, "0.9"],
    [1234567.891, "1234568"],
    [0.0001234, "0.0001234"],
    [0.00001234, "1.234e-5"],
    [1e16, "1e16"],
    [-0.031, "-0.031"],
    [0, "0"],
    [-0, "0"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [null, "—"],
  ])("prints %s as %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("hides floating-point noise such as 0.1 + 0.2", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(0.9 - 0.89)).toBe("0.01");
  });
});

describe("formatSigned and formatPercent", () => {
  it("puts an explicit plus on positive changes", () => {
    expect(formatSigned(0.005)).toBe("+0.005");
    expect(formatSigned(-0.005)).toBe("-0.005");
    expect(formatSigned(0)).toBe("0");
  });

  it("prints percentages with at most two decimals", () => {
    expect(formatPercent(13.559322)).toBe("+13.56%");
    expect(formatPercent(-2.5)).toBe("-2.5%");
    expect(formatPercent(0.001)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });
});
