import { describe, expect, it } from "vitest";
import {
  CELLS_BEFORE_BYTE_CACHE,
  StringColumnBuilder,
} from "../../../../shared/src/data/table/string-column-builder.js";

/** The cells a column reads through their text first: the byte cache sees what follows them. */
const FIRST = CELLS_BEFORE_BYTE_CACHE;

/** The same cells pushed as text and as bytes (as the byte-level CSV pass hands them). */
function both(cells: readonly Uint8Array[]) {
  const asText = new StringColumnBuilder("c");
  const asBytes = new StringColumnBuilder("c");
  for (const cell of cells) {
    asText.pushText(Buffer.from(cell).toString("utf8"));
    // Inside a larger buffer, as a field of a line is.
    const line = Buffer.concat([Buffer.from("x,"), cell, Buffer.from(",y")]);
    asBytes.pushBytes(line, 2, 2 + cell.length);
  }
  return { text: asText.finish(), bytes: asBytes.finish() };
}

const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("StringColumnBuilder.pushBytes", () => {
  it("gives the codes, dictionary and missing count pushText gives when categories repeat", () => {
    const cells = Array.from({ length: FIRST + 5000 }, (_, i) =>
      utf8(["red", "green", "", "  ", "blå", "red "][(i * 7) % 6]!),
    );
    const { text, bytes } = both(cells);
    expect(bytes).toEqual(text);
    expect(bytes.dictionary).toEqual(["red", "green", "blå", "red "]);
    expect(bytes.missing).toBeGreaterThan(0);
  });

  it("decodes invalid UTF-8 to U+FFFD as Buffer does, so the reader can report the line", () => {
    const invalid = Uint8Array.of(0x61, 0xe9, 0x62);
    for (const before of [0, FIRST]) {
      const { text, bytes } = both([...Array<Uint8Array>(before).fill(utf8("x")), invalid, invalid, utf8("a\uFFFDb")]);
      expect(bytes).toEqual(text);
      expect(bytes.dictionary).toEqual(before === 0 ? ["a\uFFFDb"] : ["x", "a\uFFFDb"]);
    }
  });

  it("gives the same column when values rarely repeat (past the cache's 1,024 entries) and for long cells", () => {
    const cells = Array.from({ length: FIRST + 12_000 }, (_, i) =>
      utf8(i % 3 === 0 ? `id-${i % 2000}` : `${"long".repeat(20)}-${i % 50}`),
    );
    const { text, bytes } = both(cells);
    expect(bytes).toEqual(text);
    expect(bytes.dictionary.length).toBe(2050);
  });

  it("gives the same column for ids (no value repeats), read as strings once the cache has found nothing again", () => {
    const cells = Array.from({ length: FIRST + 3000 }, (_, i) => utf8(i === FIRST + 2500 ? "" : `c${i}`));
    const { text, bytes } = both([...cells, utf8("c7"), utf8(`c${FIRST + 2999}`)]);
    expect(bytes).toEqual(text);
    expect(bytes.dictionary.length).toBe(FIRST + 2999);
    expect(bytes.codes.at(-2)).toBe(7);
    expect(bytes.missing).toBe(1);
  });
});
