import { describe, expect, it } from "vitest";
import {
  formatDistinct,
  formatNumber,
  formatPair,
  formatPercent,
  formatPoints,
  formatPValue,
  formatShare,
  formatSigned,
  resamplingResolution,
} from "../../../shared/src/core/format-number.js";

describe("formatNumber", () => {
  it.each([
    [0.8123456, "0.8123"],
    [0.836414, "0.8364"],
    [-0.0234884, "-0.02349"],
    [0.6312136492565109, "0.6312"],
    [143.2, "143.2"],
    [0.9, "0.9"],
    [1234567.891, "1234568"],
    [0.001, "0.001"],
    [0.0012346, "0.001235"],
    [0.000999, "9.99e-4"],
    [0.00001234, "1.234e-5"],
    [8.88178e-16, "8.882e-16"],
    [1e16, "10000000000000000"],
    [1e22, "1e22"],
    [-0.031, "-0.031"],
    [0.99996, "1"],
    [0, "0"],
    [-0, "0"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [null, "—"],
  ])("prints %s as %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("uses scientific notation only below 1e-3 in magnitude", () => {
    expect(formatNumber(0.0010001)).toBe("0.001");
    expect(formatNumber(-0.0009)).toBe("-9e-4");
    expect(formatNumber(123456789.4)).toBe("123456789");
  });

  it("hides floating-point noise such as 0.1 + 0.2", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(0.9 - 0.89)).toBe("0.01");
  });

  it("prints more digits when asked", () => {
    expect(formatNumber(0.8123456, 6)).toBe("0.812346");
  });
});

describe("formatDistinct and formatPair", () => {
  it("adds digits until values that differ print differently", () => {
    expect(formatPair(0.80001, 0.8)).toEqual(["0.80001", "0.8"]);
    expect(formatDistinct([0.79996, 0.8, 0.8])).toEqual(["0.79996", "0.8", "0.8"]);
    expect(formatPair(0.6312136492565109, 0.8)).toEqual(["0.6312", "0.8"]);
  });

  it("keeps four digits when the values already print apart, and equal values alike", () => {
    expect(formatDistinct([0.836414, 0.812, null, 0.812])).toEqual(["0.8364", "0.812", "—", "0.812"]);
  });

  it("tells apart the closest two doubles", () => {
    const [a, b] = formatPair(0.1, 0.1 + Number.EPSILON / 8);
    expect(a).not.toBe(b);
    expect(Number(a)).toBe(0.1);
  });

  it("applies the same rule to signed and percent formats", () => {
    expect(formatPair(0.000012344, 0.000012341, formatSigned)).toEqual(["+1.2344e-5", "+1.2341e-5"]);
    expect(formatPair(-2.80004, -2.8, formatPercent)).toEqual(["-2.80004%", "-2.8%"]);
  });
});

describe("formatSigned, formatPercent, formatPoints, formatShare", () => {
  it("puts an explicit plus on positive changes", () => {
    expect(formatSigned(0.005)).toBe("+0.005");
    expect(formatSigned(-0.005)).toBe("-0.005");
    expect(formatSigned(0)).toBe("0");
  });

  it("prints percentages with four significant digits and a sign", () => {
    expect(formatPercent(13.559322)).toBe("+13.56%");
    expect(formatPercent(-2.5)).toBe("-2.5%");
    expect(formatPercent(636.2345)).toBe("+636.2%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });

  it("writes percentage points as pp", () => {
    expect(formatPoints(-0.76)).toBe("-0.76 pp");
    expect(formatPoints(1.23456)).toBe("+1.235 pp");
    expect(formatPoints(undefined)).toBe("—");
  });

  it("prints a share in percent", () => {
    expect(formatShare(0.836414)).toBe("83.64%");
    expect(formatShare(null)).toBe("—");
  });
});

describe("formatPValue", () => {
  it("floors a p-value at a resampling test's resolution", () => {
    expect(resamplingResolution(9999)).toBe(1e-4);
    expect(formatPValue(8.88178e-16, resamplingResolution(9999))).toBe("< 1e-4");
    expect(formatPValue(0.00005, resamplingResolution(999))).toBe("< 0.001");
  });

  it("prints a p-value at or above the resolution, or without one, as a number", () => {
    expect(formatPValue(0.0312345, resamplingResolution(9999))).toBe("0.03123");
    expect(formatPValue(1e-4, resamplingResolution(9999))).toBe("1e-4");
    expect(formatPValue(8.88178e-16)).toBe("8.882e-16");
    expect(formatPValue(null)).toBe("—");
  });
});
