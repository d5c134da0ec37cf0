import { describe, expect, it } from "vitest";
import { stripBidiControls } from "../../../shared/src/report/strip-bidi-controls.js";

describe("stripBidiControls", () => {
  it("removes exactly the characters of Unicode's Bidi_Control property, and nothing else", () => {
    const removed: number[] = [];
    const property: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (stripBidiControls(char) !== char) removed.push(code);
      if (/\p{Bidi_Control}/u.test(char)) property.push(code);
    }
    expect(removed).toEqual(property);
    // The twelve of UAX #9: ALM, LRM, RLM, the embeddings and overrides, the isolates.
    expect(removed.map((c) => c.toString(16))).toEqual([
      "61c",
      "200e",
      "200f",
      "202a",
      "202b",
      "202c",
      "202d",
      "202e",
      "2066",
      "2067",
      "2068",
      "2069",
    ]);
  });

  it("removes an implicit mark that would display digits out of order", () => {
    // With a right-to-left mark after 10, "10-20" displays as "1020-" (UAX #9 rules W7, N1, L2).
    expect(stripBidiControls("10\u200f-20")).toBe("10-20");
    expect(stripBidiControls("acc\u202eycarucca")).toBe("accycarucca");
  });

  it("keeps right-to-left letters, which are names, not controls", () => {
    expect(stripBidiControls("מודל سعر")).toBe("מודל سعر");
  });
});
