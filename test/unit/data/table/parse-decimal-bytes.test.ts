import { describe, expect, it } from "vitest";
import { parseDecimalBytes } from "../../../../shared/src/data/table/parse-decimal-bytes.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

/** Parses `text` placed inside other bytes, so the bounds are honoured, not the buffer's ends. */
const parse = (text: string) => {
  const bytes = Buffer.from(`9${text}9`, "latin1");
  return parseDecimalBytes(bytes, 1, 1 + text.length);
};

/** The reference: a settled value must be Number()'s double, bit for bit (-0 included). */
const expectAgreesWithNumber = (text: string): boolean => {
  const got = parse(text);
  if (Number.isNaN(got)) return false;
  if (!Object.is(got, Number(text))) expect({ text, got }).toEqual({ text, got: Number(text) });
  return true;
};

describe("parseDecimalBytes", () => {
  it("gives exactly Number()'s double for random decimals, with and without exponents", () => {
    const rng = createSeededRandom(27);
    const digits = (n: number) => Array.from({ length: n }, () => String(rng.nextInt(10))).join("");
    let settled = 0;
    for (let k = 0; k < 100_000; k++) {
      const whole = rng.nextInt(12);
      const fraction = rng.nextInt(14);
      const sign = ["", "-", "+"][rng.nextInt(3)]!;
      const point = fraction > 0 || whole === 0 ? `.${digits(Math.max(fraction, whole === 0 ? 1 : 0))}` : "";
      const exponent =
        rng.nextInt(3) === 0 ? `${"eE"[rng.nextInt(2)]}${["", "-", "+"][rng.nextInt(3)]}${rng.nextInt(40)}` : "";
      if (expectAgreesWithNumber(`${sign}${digits(whole)}${point}${exponent}`)) settled++;
    }
    // Most of them are settled from the bytes, not left to the caller.
    expect(settled).toBeGreaterThan(60_000);
  });

  it("gives exactly Number()'s double for doubles written the way JavaScript and toFixed write them", () => {
    const rng = createSeededRandom(5);
    for (let k = 0; k < 20_000; k++) {
      const value = (rng.nextDouble() - 0.5) * 10 ** (rng.nextInt(30) - 15);
      expectAgreesWithNumber(String(value));
      expectAgreesWithNumber(value.toFixed(rng.nextInt(12)));
      expectAgreesWithNumber(value.toExponential(rng.nextInt(16)));
      expectAgreesWithNumber(value.toPrecision(1 + rng.nextInt(17)));
    }
  });

  it("settles the usual cells and the edges of the fast path exactly", () => {
    for (const text of [
      "0",
      "-0",
      "-0.0",
      "-0e5",
      "0e999",
      "+0",
      "007",
      ".5",
      "5.",
      "-.5e1",
      "+2.50",
      "123456789012345",
      "1234567890123456",
      "9007199254740991",
      "0.000001",
      "0.0000000000000000000001",
      "1e22",
      "1e-22",
      "4.35e-5",
      "1E+10",
      "0.1",
      "0.3",
      "2.675",
      "1.005",
    ]) {
      expect(expectAgreesWithNumber(text), text).toBe(true);
    }
  });

  it("leaves the hard cases and every other spelling to the caller", () => {
    for (const text of [
      // 2^53 + 1, a rounding tie, and longer mantissas: more than one rounding.
      "9007199254740993",
      "9007199254740992",
      "12345678901234567",
      "1.00000000000000011102230246251565404236316680908203125",
      "0.1000000000000000055511151231257827",
      // Powers of ten that are not exact doubles, subnormals and overflow.
      "1e23",
      "1.5e-23",
      "5e-324",
      "2.2250738585072014e-308",
      "1.7976931348623157e308",
      "1e999",
      "4503599627370496.5",
      "0.00000000000000000000000000001234",
      // Not numbers, or numbers only parseNumberText reads (spaces).
      " 1",
      "1 ",
      "",
      "-",
      ".",
      "+.",
      "e5",
      "1e",
      "1e+",
      "1e5.5",
      "0x1F",
      "1_000",
      "1,5",
      "inf",
      "NaN",
      "1.2.3",
      "--1",
      "1d5",
    ]) {
      expect(parse(text), text).toBeNaN();
    }
  });
});
