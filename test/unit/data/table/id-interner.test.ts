import { describe, expect, it } from "vitest";
import { IdColumnBuilder } from "../../../../shared/src/data/table/id-column-builder.js";
import { IdInterner } from "../../../../shared/src/data/table/id-interner.js";

describe("IdInterner", () => {
  it("numbers distinct ids in order of first appearance and gives their text back, through many rehashes", () => {
    const interner = new IdInterner();
    const ids = Array.from({ length: 50_000 }, (_, i) => `req-${(i * 7919) % 30_000}`);
    const codes = ids.map((id) => interner.internText(id));
    const firstSeen = new Map<string, number>();
    for (const id of ids) if (!firstSeen.has(id)) firstSeen.set(id, firstSeen.size);
    expect(codes).toEqual(ids.map((id) => firstSeen.get(id)));
    expect(interner.size).toBe(30_000);
    for (const [id, code] of firstSeen) expect(interner.text(code)).toBe(id);
  });

  it("gives bytes and text of the same id one code, UTF-8 included", () => {
    const interner = new IdInterner();
    const bytes = Buffer.from("xx,abc-1,yy");
    expect(interner.intern(bytes, 3, 8)).toBe(interner.internText("abc-1"));
    expect(interner.internText("Zürich-7")).toBe(interner.internText("Zürich-7"));
    expect(interner.text(1)).toBe("Zürich-7");
    // Past the reused encoding buffer's first size, and past its largest.
    for (const id of ["é".repeat(70), `${"x".repeat(5000)}ü`, "a\ud800b"]) {
      const utf8 = Buffer.from(id, "utf8");
      expect(interner.internText(id)).toBe(interner.intern(utf8, 0, utf8.length));
      expect(interner.text(interner.internText(id))).toBe(utf8.toString("utf8"));
    }
    expect(interner.size).toBe(5);
  });

  it("keeps each id's code when the hash table takes over from the small map, bytes and text mixed", () => {
    const interner = new IdInterner();
    const ids = Array.from({ length: 12_000 }, (_, i) => `r${(i * 7919) % 9000}-${i % 3 === 0 ? "é" : "e"}`);
    const firstSeen = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!firstSeen.has(id)) firstSeen.set(id, firstSeen.size);
      const utf8 = Buffer.from(`,${id},`);
      // Every id seen once as bytes and once as text, before and after the switch (at a few thousand ids).
      const code = i % 2 === 0 ? interner.intern(utf8, 1, utf8.length - 1) : interner.internText(id);
      expect(code).toBe(firstSeen.get(id));
      expect(i % 2 === 0 ? interner.internText(id) : interner.intern(utf8, 1, utf8.length - 1)).toBe(code);
    });
    expect(interner.size).toBe(9000);
    for (const [id, code] of firstSeen) expect(interner.text(code)).toBe(id);
  });

  it("tells apart an id from the Latin-1 reading of another's UTF-8 bytes, and joins ids of equal bytes", () => {
    for (const fill of [0, 5000]) {
      const interner = new IdInterner();
      for (let i = 0; i < fill; i++) interner.internText(`fill-${i}`);
      const e = interner.internText("é");
      // "Ã©" is what the UTF-8 bytes of "é" read as Latin-1: another id.
      expect(interner.internText("\u00c3\u00a9")).not.toBe(e);
      expect(interner.intern(Buffer.from("é"), 0, 2)).toBe(e);
      const bytes = Uint8Array.from([0xc3, 0xa9]);
      expect(interner.intern(bytes, 0, 2)).toBe(e);
      // A lone surrogate is encoded as U+FFFD: one id, as the bytes are one.
      expect(interner.internText("a\ud800")).toBe(interner.internText("a\ufffd"));
      expect(interner.size).toBe(fill + 3);
    }
  });

  it("shares codes between two columns, and treats blank cells as missing as text columns do", () => {
    const interner = new IdInterner();
    const production = new IdColumnBuilder("id", interner);
    const shadow = new IdColumnBuilder("id", interner);
    const cells = Buffer.from("a1 b2 c3");
    production.pushBytes(cells, 0, 2);
    production.pushBytes(cells, 3, 5);
    production.pushText("  ");
    shadow.pushText("b2");
    shadow.pushBytes(cells, 6, 8);
    shadow.pushValue(null);
    expect([...production.finish().codes]).toEqual([0, 1, -1]);
    const finished = shadow.finish();
    expect([...finished.codes]).toEqual([1, 2, -1]);
    expect(finished.missing).toBe(1);
  });
});
