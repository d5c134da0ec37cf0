import { describe, expect, it } from "vitest";
import { cutText } from "../../../shared/src/core/cut-text.js";

describe("cutText", () => {
  it("keeps text that fits and cuts longer text to max characters, the last one the suffix", () => {
    expect(cutText("abcdef", 6)).toBe("abcdef");
    expect(cutText("abcdefg", 6)).toBe("abcde…");
    expect(cutText("abcdefg", 6, " [cut]")).toBe(" [cut]");
    expect(cutText("abcdefghijkl", 8, " [cut]")).toBe("ab [cut]");
  });

  it("counts characters, not UTF-16 units, and never splits a surrogate pair", () => {
    const emoji = "😀".repeat(5);
    expect(cutText(emoji, 5)).toBe(emoji);
    expect(cutText(emoji, 4)).toBe("😀😀😀…");
    expect([...cutText(`a${emoji}`, 3)]).toEqual(["a", "😀", "…"]);
  });
});
