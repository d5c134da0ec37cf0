import { describe, expect, it } from "vitest";
import { formatIsoTime } from "../../../shared/src/core/format-iso-time.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("formatIsoTime", () => {
  it("writes an instant as toISOString does", () => {
    expect(formatIsoTime(Date.parse("2026-11-20T08:00:02.000Z"))).toBe("2026-11-20T08:00:02.000Z");
    expect(formatIsoTime(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(formatIsoTime(-1)).toBe("1969-12-31T23:59:59.999Z");
    expect(formatIsoTime(1.9)).toBe("1970-01-01T00:00:00.001Z");
  });

  it("matches toISOString at the edges of four-digit years and beyond them", () => {
    const edges = [
      Date.UTC(0, 0, 1) - 1,
      Date.parse("0000-01-01T00:00:00.000Z"),
      Date.parse("9999-12-31T23:59:59.999Z"),
      Date.parse("9999-12-31T23:59:59.999Z") + 1,
      Date.parse("2024-02-29T12:34:56.789Z"),
      8.64e15,
      -8.64e15,
    ];
    for (const ms of edges) expect(formatIsoTime(ms)).toBe(iso(ms));
  });

  it("matches toISOString over times spread from year 0 to 9999 and past it", () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 5000; i++) {
      const ms = Math.floor((next() * 2 - 1) * 3.2e14);
      expect(formatIsoTime(ms)).toBe(iso(ms));
    }
  });

  it("throws toISOString's RangeError for a time no Date holds", () => {
    for (const ms of [Number.NaN, Infinity, 8.64e15 + 1, 1e300]) expect(() => formatIsoTime(ms)).toThrow(RangeError);
  });
});
