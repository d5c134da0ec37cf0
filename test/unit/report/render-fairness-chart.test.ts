import { describe, expect, it } from "vitest";
import type { GroupingAssessment } from "../../../shared/src/fairness/assess-fairness.js";
import { renderFairnessChart } from "../../../shared/src/report/render-fairness-chart.js";

const rates = (selection: number | null, tpr: number | null, fpr: number | null, count = 100) => ({
  count,
  selection_rate: selection,
  tpr,
  fpr,
  fnr: null,
  precision: null,
  accuracy: null,
});

function grouping(groups: Array<[string, ReturnType<typeof rates>, boolean?]>): GroupingAssessment {
  return {
    name: "race",
    columns: ["race"],
    intersection: false,
    overall: rates(0.4, 0.6, 0.2, 300),
    groups: groups.map(([name, r, gated = true]) => ({ name, count: r.count, gated, rates: r })),
    metrics: [],
  };
}

describe("renderFairnessChart", () => {
  it("draws each gap from a visible zero: no bar for a zero gap, left for below, right for above", () => {
    const chart = renderFairnessChart(
      grouping([
        ["a", rates(0.4, 0.7, 0.1)],
        ["b", rates(0.2, 0.5, 0.3)],
      ]),
    );
    const selection = chart.split("\n\n")[1]!;
    const line = (label: string) => selection.split("\n").find((l) => l.startsWith(`${label} `))!;
    expect(line("a")).toMatch(/ │ +0$/);
    expect(line("b")).toMatch(/█│ +-0\.2$/);
    const tpr = chart
      .split("\n\n")[2]!
      .split("\n")
      .find((l) => l.startsWith("a "))!;
    expect(tpr).toMatch(/│█+.* \+0\.1$/);
    // One scale for the three rates: every block's axis line reads the same.
    const axes = chart.split("\n").filter((l) => /^\s+-\S+│/.test(l));
    expect(axes).toHaveLength(3);
    expect(new Set(axes).size).toBe(1);
  });

  it("puts every group name on its own line inside a text block, with backticks made harmless", () => {
    const chart = renderFairnessChart(
      grouping([
        ["x```\n<img>", rates(0.5, 0.6, 0.2)],
        ["y", rates(0.3, 0.6, 0.2)],
      ]),
    );
    const inside = chart.slice(chart.indexOf("```text") + 7, chart.lastIndexOf("```"));
    expect(inside).not.toContain("`");
    expect(chart.match(/```/g)).toHaveLength(2);
  });

  it("names undefined rates instead of drawing them as zero, and draws nothing without a gated group", () => {
    expect(renderFairnessChart(grouping([["a", rates(0.5, null, 0.2)]]))).toContain("Undefined, not drawn: a (TPR).");
    expect(renderFairnessChart(grouping([["a", rates(0.5, 0.5, 0.2), false]]))).toBe("");
  });
});
