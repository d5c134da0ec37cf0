// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderMermaidMetricChart } from "../../../shared/src/report/render-mermaid-metric-chart.js";
import { toMermaidLabel, toMermaidNumber } from "../../../shared/src/report/to-mermaid-label.js";
import { HOSTILE_NAMES } from "../../support/hostile-names.js";
import { findMermaidBlocks, parseMermaid } from "../../support/parse-mermaid.js";

describe("toMermaidLabel", () => {
  it("keeps plain names, and replaces every character with a meaning in Mermaid or Markdown", () => {
    expect(toMermaidLabel("f1_macro")).toBe("f1_macro");
    expect(toMermaidLabel("region=EU, plan: pro")).toBe("region=EU, plan: pro");
    expect(toMermaidLabel('a"b`c%d#e;f<g>h&i\\j')).toBe("a?b?c?d?e?f?g?h?i?j");
    expect(toMermaidLabel("[x]{y}")).toBe("(x)(y)");
    expect(toMermaidLabel("a\n\tb")).toBe("a b");
    expect(toMermaidLabel("  ")).toBe("(blank)");
    expect([...toMermaidLabel("é".repeat(50))].length).toBe(40);
  });

  it("treats each ASCII character alike whether or not the name has characters beyond ASCII", () => {
    // A trailing "é" sends the name down the Unicode rule; without it, an all-ASCII name takes the ASCII one.
    for (let code = 0; code < 128; code++) {
      const name = `a${String.fromCharCode(code)}b`;
      expect(`${toMermaidLabel(name)}é`).toBe(toMermaidLabel(`${name}é`));
    }
    expect(toMermaidLabel("a<b")).toBe("a?b");
  });

  it("labels generated ASCII names, cut to any length, as the Unicode rule does", () => {
    // A left-to-right mark sends a name down the Unicode rule, which strips it: the same label is expected.
    const alphabet = "abcXYZ019_-.,:/()+=*'!?@$^~|   \t[]{}#\"";
    let seed = 7;
    for (let n = 0; n < 2_000; n++) {
      let name = "";
      const length = n % 50;
      for (let i = 0; i < length; i++) name += alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
      for (const max of [40, 10, 36])
        expect(toMermaidLabel(name, max), JSON.stringify(name)).toBe(toMermaidLabel(`${name}\u200e`, max));
    }
  });

  it("removes bidi controls rather than showing them as a replacement character", () => {
    expect(toMermaidLabel("acc\u202eycarucca\u2066x\u2069")).toBe("accycaruccax");
  });

  it("writes numbers in the plain decimal form the xychart grammar accepts", () => {
    expect([0.5, 100, -0.25, 1e-7, -1e-9, 1234567.5].map((n) => toMermaidNumber(n))).toEqual([
      "0.5",
      "100",
      "-0.25",
      "0",
      "0",
      "1234567.5",
    ]);
    expect(() => toMermaidNumber(Number.NaN)).toThrow(/cannot be charted/);
  });
});

describe("renderMermaidMetricChart", () => {
  it("puts baseline and candidate side by side on a 0–1 axis, leaving out metrics outside it", async () => {
    const chart = renderMermaidMetricChart(
      [
        { label: "accuracy", baseline: 0.9, candidate: 0.88 },
        { label: "latency_ms", baseline: 120, candidate: 130 },
        { label: "f1", baseline: 0.8, candidate: 0.81 },
      ],
      "Candidate vs baseline",
    )!;
    expect(chart).toContain('x-axis ["accuracy (base)", "accuracy (cand)", "f1 (base)", "f1 (cand)"]');
    expect(chart).toContain("bar [0.9, 0, 0.8, 0]");
    expect(chart).toContain("bar [0, 0.88, 0, 0.81]");
    expect(chart).not.toContain("latency");
    // Horizontal: one name per line on the y axis, so long names cannot overlap under the bars.
    expect(chart.split("\n")[1]).toBe("xychart-beta horizontal");
    expect(await parseMermaid(findMermaidBlocks(`${chart}\n`)[0]!)).toBe("xychart");
  });

  it("parses with hostile metric names, and draws nothing when no metric lies in [0, 1]", async () => {
    const chart = renderMermaidMetricChart(
      HOSTILE_NAMES.map((label, i) => ({ label, baseline: i / 20, candidate: 1 - i / 20 })),
      HOSTILE_NAMES[0]!,
      50,
    )!;
    expect(await parseMermaid(findMermaidBlocks(`${chart}\n`)[0]!)).toBe("xychart");
    expect(renderMermaidMetricChart([{ label: "loss", baseline: 2, candidate: 1.5 }], "t")).toBeUndefined();
  });
});

describe("parseMermaid", () => {
  it("rejects a chart Mermaid cannot parse, so the checks above can fail", async () => {
    await expect(parseMermaid('xychart-beta\n    x-axis ["a"b"]\n    bar [1]')).rejects.toThrow(/Parse error/);
    await expect(parseMermaid("xychart-beta\n    bar [1, x]")).rejects.toThrow(/Parse error/);
    await expect(parseMermaid("%%{init: {'theme':'dark'}}%%\nxychart-beta\n    bar [1]")).rejects.toThrow(/%%/);
  });
});
