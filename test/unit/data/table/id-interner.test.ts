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
