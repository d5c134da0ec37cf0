import { markdownTable } from "markdown-table";
import { formatNumber } from "../core/format-number.js";
import type { CategoricalDriftPlot, DriftPlot, NumericDriftPlot } from "../validate/drift-plots.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { PLOTS_DROP_ORDER, PLOTS_LEFT_OUT } from "./plot-blocks.js";
import { renderMermaidSeriesChart } from "./render-mermaid-series-chart.js";
import { toDistinctMermaidLabels } from "./to-mermaid-label.js";

/**
 * validate-data's drift plots, folded: per drifted numeric column the reference and current shares on common bins
 * (bars reference, line current, from zero); per drifted categorical column the top categories' shares side by side,
 * with a table naming each category in full. Dropped before any table when the comment is over budget.
 */
export function renderDriftPlotBlocks(plots: readonly DriftPlot[] | undefined): MarkdownBlock[] {
  if (!plots || plots.length === 0) return [];
  const parts = plots.map(
    (plot) =>
      `**${escapeMarkdown(plot.column, 120)}**\n\n${plot.kind === "histogram" ? renderHistogram(plot) : renderCategories(plot)}`,
  );
  const summary = `Plots: reference vs current of ${plots.length} drifted column${plots.length === 1 ? "" : "s"}`;
  return [
    {
      text: `<details><summary>${summary}</summary>\n\n${parts.join("\n\n")}\n\n</details>`,
      dropOrder: PLOTS_DROP_ORDER,
      leftOut: PLOTS_LEFT_OUT,
    },
  ];
}

function renderHistogram(plot: NumericDriftPlot): string {
  const { edges } = plot;
  const categories = edges.slice(0, -1).map((_, i) => formatNumber((edges[i]! + edges[i + 1]!) / 2));
  const chart = renderMermaidSeriesChart(
    [
      { name: "reference share", kind: "bar", values: plot.reference_shares },
      { name: "current share", kind: "line", values: plot.current_shares },
    ],
    { title: `Distribution of ${plot.column}`, x: { categories }, y: { title: "share of rows" } },
  );
  return `${chart}\n\n_Ten bins of width ${formatNumber(edges[1]! - edges[0]!)} from ${formatNumber(edges[0])} to ${formatNumber(edges.at(-1))}, labelled by their midpoints._`;
}

function renderCategories(plot: CategoricalDriftPlot): string {
  const names = toDistinctMermaidLabels(plot.categories, 20);
  const categories = names.flatMap((name) => [`${name} (ref)`, `${name} (cur)`]);
  const chart = renderMermaidSeriesChart(
    [
      { name: "reference share", kind: "bar", values: plot.reference_shares.flatMap((v) => [v, 0]) },
      { name: "current share", kind: "bar", values: plot.current_shares.flatMap((v) => [0, v]) },
    ],
    { title: `Top categories of ${plot.column}`, x: { categories }, y: { title: "share of rows", to: 1 } },
  );
  const rows = plot.categories.map((c, i) => [
    escapeMarkdown(c, 80),
    formatNumber(plot.reference_shares[i]),
    formatNumber(plot.current_shares[i]),
  ]);
  rows.push(["_every other category_", formatNumber(plot.other.reference), formatNumber(plot.other.current)]);
  return `${chart}\n\n${markdownTable([["category", "reference share", "current share"], ...rows], { align: ["l", "r", "r"], alignDelimiters: false })}`;
}
