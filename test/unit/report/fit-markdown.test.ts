import { describe, expect, it } from "vitest";
import { fitMarkdown, LEFT_OUT_NOTE } from "../../../shared/src/report/fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "../../../shared/src/report/fit-markdown.js";

const build =
  (rows: number) =>
  (limits: FitLimits): MarkdownBlock[] => [
    { text: "VERDICT" },
    { text: Array.from({ length: Math.min(rows, limits.tableRows) }, (_, i) => `row ${i}`).join("\n") },
    { text: `details-a ${"a".repeat(300)}`, dropOrder: 1 },
    { text: `details-b ${"b".repeat(300)}`, dropOrder: 2 },
  ];

describe("fitMarkdown", () => {
  it("keeps everything when it fits", () => {
    const text = fitMarkdown(build(3), 10_000);
    expect(text).toContain("details-a");
    expect(text).not.toContain(LEFT_OUT_NOTE);
  });

  it("drops detail blocks lowest dropOrder first, and says so", () => {
    const full = fitMarkdown(build(3), 10_000).length;
    const text = fitMarkdown(build(3), full - 100);
    expect(text).not.toContain("details-a");
    expect(text).toContain("details-b");
    expect(text).toContain(LEFT_OUT_NOTE);
  });

  it("shortens the table as a last resort and never drops the verdict", () => {
    const text = fitMarkdown(build(10_000), 2_000);
    expect(text.length).toBeLessThanOrEqual(2_000);
    expect(text.startsWith("VERDICT")).toBe(true);
    expect(text).toContain("row 0");
    expect(text).not.toContain("row 9999");
    expect(text).not.toContain("details-");
  });
});
