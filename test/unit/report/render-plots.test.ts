// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Predictions } from "../../../shared/src/data/predictions/predictions.js";
import type { Table, TableColumn } from "../../../shared/src/data/table/table.js";
import { computeEvaluatePlots } from "../../../shared/src/evaluate/compute-evaluate-plots.js";
import { fitMarkdown, LEFT_OUT_NOTE } from "../../../shared/src/report/fit-markdown.js";
import { PLOTS_LEFT_OUT } from "../../../shared/src/report/plot-blocks.js";
import { renderDriftPlotBlocks } from "../../../shared/src/report/render-drift-plot.js";
import { renderEvaluatePlotBlocks } from "../../../shared/src/report/render-evaluate-plot.js";
import { computeDriftPlots } from "../../../shared/src/validate/compute-drift-plots.js";
import type { DriftCheck } from "../../../shared/src/validate/drift-types.js";
import { HOSTILE_NAMES } from "../../support/hostile-names.js";
import { findMermaidBlocks, parseMermaid } from "../../support/parse-mermaid.js";

function predictions(name: string, overrides: Partial<Predictions>): Predictions {
  const n = 200;
  const labels = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const scores = Float64Array.from({ length: n }, (_, i) =>
    Math.min(1, Math.max(0, labels[i]! * 0.3 + ((i * 37) % 100) / 140)),
  );
  return {
    task: "classification",
    input: `${name}-predictions`,
    name: `${name}.csv`,
    sha256: "0".repeat(64),
    rows: n,
    labels,
    predictions: Float64Array.from(scores, (s) => (s >= 0.5 ? 1 : 0)),
    scores,
    warnings: [],
    positiveLabel: "1",
    classesFrom: "score ≥ 0.5",
    ...overrides,
  };
}

const text = (blocks: { text: string }[]) => blocks.map((b) => b.text).join("\n\n");

async function expectCharts(markdown: string, count: number): Promise<void> {
  const blocks = findMermaidBlocks(markdown);
  expect(blocks).toHaveLength(count);
  for (const block of blocks) expect(await parseMermaid(block)).toBe("xychart");
}

describe("evaluate-gate plots", () => {
  it("draw ROC, precision–recall and reliability charts that Mermaid's parser accepts, with the confusion matrices", async () => {
    const candidate = predictions("candidate", {});
    const baseline = predictions("baseline", { scores: candidate.scores!.map((s) => s * 0.9) });
    const markdown = text(renderEvaluatePlotBlocks(computeEvaluatePlots({ candidate, baseline })));
    await expectCharts(markdown, 3);
    expect(markdown).toContain('line "baseline (AUC ');
    expect(markdown).toContain('line "candidate (average precision ');
    expect(markdown).toMatch(/\| positive \| positive \(TP\) \| \d+ \| \d+ \| [+-]?\d+ \|/);
    expect(markdown).toContain("Brier score baseline");
    expect(markdown.startsWith("<details><summary>Plots: ROC")).toBe(true);
  });

  it("escape a hostile positive label and prediction column, and their charts still parse", async () => {
    for (const hostile of HOSTILE_NAMES) {
      const candidate = predictions("candidate", {
        positiveLabel: hostile,
        classesFrom: `the prediction column "${hostile}"`,
      });
      const markdown = text(renderEvaluatePlotBlocks(computeEvaluatePlots({ candidate })));
      await expectCharts(markdown, 3);
      expect(markdown).not.toContain("<script>");
      expect(markdown).not.toMatch(/^```\n# injected/m);
    }
  });

  it("show the confusion matrix alone, and say why, when the predictions have no scores", async () => {
    const unscored = predictions("candidate", {});
    delete unscored.scores;
    const markdown = text(renderEvaluatePlotBlocks(computeEvaluatePlots({ candidate: unscored })));
    await expectCharts(markdown, 0);
    expect(markdown).toContain("(TN)");
    expect(markdown).toContain("need scores; candidate.csv has no score column");
  });

  it("draw residuals and predicted vs actual by decile for regression", async () => {
    const actual = Float64Array.from({ length: 95 }, (_, i) => i / 3);
    const candidate = predictions("candidate", {
      task: "regression",
      labels: actual,
      predictions: actual.map((y, i) => y + ((i % 7) - 3) / 2),
    });
    delete candidate.scores;
    const baseline = { ...candidate, predictions: actual.map((y, i) => y + ((i % 5) - 2)) };
    const plots = computeEvaluatePlots({ candidate, baseline });
    expect(plots.task).toBe("regression");
    const markdown = text(renderEvaluatePlotBlocks(plots));
    await expectCharts(markdown, 2);
    expect(markdown).toContain("| 10 | 9 |");
  });
});

function column(values: (string | number)[]): TableColumn {
  if (typeof values[0] === "number")
    return {
      kind: "number",
      values: Float64Array.from(values as number[]),
      missing: 0,
      nonFinite: 0,
      nonNumeric: 0,
    } as unknown as TableColumn;
  const dictionary = [...new Set(values as string[])];
  return {
    kind: "string",
    dictionary,
    codes: Int32Array.from(values as string[], (v) => dictionary.indexOf(v)),
    missing: 0,
  } as unknown as TableColumn;
}

function table(columns: Record<string, (string | number)[]>): Table {
  return { columns: new Map(Object.entries(columns).map(([k, v]) => [k, column(v)])) } as unknown as Table;
}

const drifted = (metric: string, column_type: DriftCheck["column_type"]) =>
  ({ metric, column_type, status: "drift" }) as DriftCheck;

describe("validate-data drift plots", () => {
  it("draw each drifted column, hostile column names and categories included, and Mermaid's parser accepts them", async () => {
    const names = HOSTILE_NAMES.slice(0, 6);
    const reference = table({
      [names[0]!]: Array.from({ length: 50 }, (_, i) => i),
      [names[1]!]: HOSTILE_NAMES.flatMap((h) => [h, h]),
    });
    const current = table({
      [names[0]!]: Array.from({ length: 50 }, (_, i) => i * 1.5 + 10),
      [names[1]!]: HOSTILE_NAMES.map((h) => h),
    });
    const plots = computeDriftPlots(current, reference, [
      drifted(names[0]!, "numeric"),
      drifted(names[1]!, "categorical"),
    ]);
    expect(plots.map((p) => p.kind)).toEqual(["histogram", "categories"]);
    const markdown = text(renderDriftPlotBlocks(plots));
    await expectCharts(markdown, 2);
    expect(markdown).not.toContain("<img");
  });

  it("share the same bins on both sides and put the rest of the categories in other", () => {
    const reference = table({
      x: [0, 0, 1, 2, 3, 4],
      c: ["a", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].slice(0, 6),
    });
    const current = table({ x: [4, 4, 5, 6, 7, 8], c: ["a", "b", "b", "b", "k", "l"] });
    const [numeric, categorical] = computeDriftPlots(current, reference, [
      drifted("x", "numeric"),
      drifted("c", "categorical"),
    ]);
    expect(numeric).toMatchObject({
      edges: [0, 0.8, 1.6, 2.4000000000000004, 3.2, 4, 4.800000000000001, 5.6000000000000005, 6.4, 7.2, 8],
    });
    if (numeric?.kind !== "histogram" || categorical?.kind !== "categories") throw new Error("unexpected plot kinds");
    expect(numeric.reference_shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(numeric.reference_shares[0]).toBeCloseTo(2 / 6, 12);
    expect(numeric.current_shares[9]).toBeCloseTo(1 / 6, 12);
    expect(categorical.categories.slice(0, 2)).toEqual(["b", "a"]);
    expect(categorical.other.reference + categorical.reference_shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });
});

describe("plots within the comment budget", () => {
  it("are dropped before every table, and the report says the plots were left out", () => {
    const candidate = predictions("candidate", {});
    const plots = renderEvaluatePlotBlocks(computeEvaluatePlots({ candidate }));
    const build = () => [{ text: "### verdict" }, { text: "| table |", dropOrder: 1 }, ...plots];
    const full = fitMarkdown(build);
    const fitted = fitMarkdown(build, full.length - 1);
    expect(fitted).toContain("| table |");
    expect(fitted).not.toContain("```mermaid");
    expect(fitted).toContain(PLOTS_LEFT_OUT);
    expect(fitted).not.toContain(LEFT_OUT_NOTE);
  });
});

describe("shadow-compare plots", () => {
  it("in the golden report are accepted by Mermaid's parser", async () => {
    const golden = readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), "golden", "shadow-scorecard.md"),
      "utf8",
    );
    await expectCharts(golden, 2);
  });
});
