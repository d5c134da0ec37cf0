import { markdownTable } from "markdown-table";
import { formatNumber, formatSigned } from "../core/format-number.js";
import type {
  ClassificationPlots,
  ConfusionCells,
  EvaluatePlots,
  ModelPair,
  RegressionPlots,
  ReliabilityBins,
} from "../evaluate/evaluate-plots.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { PLOTS_DROP_ORDER, PLOTS_LEFT_OUT } from "./plot-blocks.js";
import { renderMermaidSeriesChart } from "./render-mermaid-series-chart.js";
import type { ChartSeries } from "./render-mermaid-series-chart.js";

/**
 * evaluate-gate's plots, folded under one summary: for classification the confusion matrices, and with scores ROC
 * and precision–recall curves of both models on one grid (AUC / average precision named beside each series) and the
 * reliability diagram with bin counts and Brier; for regression the residual histogram and predicted vs actual by
 * decile. Dropped before any table when the comment is over budget, with a note saying so.
 */
export function renderEvaluatePlotBlocks(plots: EvaluatePlots | undefined): MarkdownBlock[] {
  if (!plots) return [];
  const parts = plots.task === "classification" ? classificationParts(plots) : regressionParts(plots);
  const summary =
    plots.task === "classification"
      ? "Plots: ROC, precision–recall, confusion matrices, reliability"
      : "Plots: residuals, predicted vs actual by decile";
  return [
    {
      text: `<details><summary>${summary}</summary>\n\n${parts.join("\n\n")}\n\n</details>`,
      dropOrder: PLOTS_DROP_ORDER,
      leftOut: PLOTS_LEFT_OUT,
    },
  ];
}

function models<T>(pair: ModelPair<T>): [string, T][] {
  return [
    ...(pair.baseline === undefined ? [] : [["baseline", pair.baseline] as [string, T]]),
    ["candidate", pair.candidate],
  ];
}

function classificationParts(plots: ClassificationPlots): string[] {
  const parts: string[] = [];
  const grid = plots.grid ?? [];
  if (plots.roc) {
    const series = models(plots.roc).map(([name, c]): ChartSeries => ({
      name: `${name} (AUC ${formatNumber(c.area)})`,
      kind: "line",
      values: c.values,
    }));
    series.push({ name: "chance", kind: "line", values: grid });
    parts.push(
      renderMermaidSeriesChart(series, {
        title: "ROC curve",
        x: { title: "false positive rate", from: 0, to: 1 },
        y: { title: "true positive rate", to: 1 },
      }),
    );
  }
  if (plots.precision_recall) {
    const series = models(plots.precision_recall).map(([name, c]): ChartSeries => ({
      name: `${name} (average precision ${formatNumber(c.area)})`,
      kind: "line",
      values: c.values,
    }));
    parts.push(
      renderMermaidSeriesChart(series, {
        title: "Precision-recall curve",
        x: { title: "recall", from: 0, to: 1 },
        y: { title: "precision", to: 1 },
      }),
    );
  }
  if (plots.roc || plots.precision_recall) {
    parts.push(
      `_Curves read every ${formatNumber(grid[1] ?? 0)} of the x axis: ROC interpolated linearly, precision–recall as a step (the precision of the first threshold reaching that recall)._`,
    );
  }
  parts.push(renderConfusion(plots));
  if (plots.reliability && plots.reliability_edges)
    parts.push(...renderReliability(plots.reliability, plots.reliability_edges));
  if (plots.omitted.length > 0) parts.push(plots.omitted.map((o) => `> ${escapeMarkdown(o, 300)}`).join("\n"));
  return parts;
}

const CELLS: [keyof ConfusionCells, string, string][] = [
  ["tn", "negative", "negative"],
  ["fp", "negative", "positive"],
  ["fn", "positive", "negative"],
  ["tp", "positive", "positive"],
];

function renderConfusion(plots: ClassificationPlots): string {
  const { baseline, candidate } = plots.confusion;
  const header = ["actual", "predicted", ...(baseline ? ["baseline"] : []), "candidate", ...(baseline ? ["Δ"] : [])];
  const rows = CELLS.map(([cell, actual, predicted]) => [
    `${actual}`,
    `${predicted} (${cell.toUpperCase()})`,
    ...(baseline ? [String(baseline[cell])] : []),
    String(candidate[cell]),
    ...(baseline ? [formatSigned(candidate[cell] - baseline[cell])] : []),
  ]);
  const table = markdownTable([header, ...rows], { align: ["l", "l", "r", "r", "r"], alignDelimiters: false });
  const positive = `positive = label ${escapeMarkdown(plots.positive_label, 80)}, every other class negative`;
  return `**Confusion matrices** (${positive}; predicted classes from ${escapeMarkdown(plots.classes_from, 120)}):\n\n${table}`;
}

function renderReliability(pair: ModelPair<ReliabilityBins>, edges: readonly number[]): string[] {
  const shown = models(pair);
  const binLabel = (i: number) => `${formatNumber(edges[i])}-${formatNumber(edges[i + 1])}`;
  // Bins every model has examples in: an empty bin has no observed rate to draw.
  const drawn = edges.slice(0, -1).flatMap((_, i) => (shown.every(([, r]) => r.counts[i]! > 0) ? [i] : []));
  const parts: string[] = [];
  if (drawn.length > 0) {
    const series: ChartSeries[] = shown.map(([name, r]) => ({
      name: `${name} observed positive rate`,
      kind: "line",
      values: drawn.map((i) => r.observed[i]!),
    }));
    series.push({
      name: "perfectly calibrated (bin midpoint)",
      kind: "line",
      values: drawn.map((i) => (edges[i]! + edges[i + 1]!) / 2),
    });
    parts.push(
      renderMermaidSeriesChart(series, {
        title: "Reliability diagram",
        x: { categories: drawn.map(binLabel) },
        y: { title: "observed positive rate", to: 1 },
      }),
    );
  }
  const header = ["score bin", ...shown.flatMap(([name]) => [`${name} n`, `${name} mean score`, `${name} observed`])];
  const rows = edges
    .slice(0, -1)
    .map((_, i) => [
      binLabel(i),
      ...shown.flatMap(([, r]) => [String(r.counts[i]), formatNumber(r.predicted[i]), formatNumber(r.observed[i])]),
    ]);
  const brier = shown.map(([name, r]) => `${name} ${formatNumber(r.brier)}`).join(", ");
  parts.push(
    `**Reliability** (ten equal-width score bins; Brier score ${brier}):\n\n${markdownTable([header, ...rows], { alignDelimiters: false })}`,
  );
  return parts;
}

function regressionParts(plots: RegressionPlots): string[] {
  const edges = plots.residual_edges;
  const categories = edges.slice(0, -1).map((_, i) => formatNumber((edges[i]! + edges[i + 1]!) / 2));
  const histogram = models(plots.residuals).map(([name, counts], i): ChartSeries => ({
    name: `${name} examples`,
    kind: i === 0 && plots.residuals.baseline ? "bar" : "line",
    values: counts,
  }));
  const parts = [
    renderMermaidSeriesChart(histogram, {
      title: "Residuals (actual - predicted), common bins",
      x: { categories },
      y: { title: "examples" },
    }),
    `_Bins of width ${formatNumber(edges[1]! - edges[0]!)} from ${formatNumber(edges[0])} to ${formatNumber(edges.at(-1))}, labelled by their midpoints._`,
  ];
  const deciles = models(plots.deciles);
  const count = Math.max(...deciles.map(([, d]) => d.sizes.length));
  const series = deciles.flatMap(([name, d]): ChartSeries[] => [
    { name: `${name} mean actual`, kind: "line", values: d.mean_actual },
    { name: `${name} mean predicted`, kind: "line", values: d.mean_predicted },
  ]);
  const all = series.flatMap((s) => s.values);
  const low = Math.min(...all);
  const high = Math.max(...all);
  // Round axis ends a tenth of the range's power of ten outward, so the ticks read as round numbers.
  const step = 10 ** Math.floor(Math.log10(high - low || 1)) / 10;
  const from = Math.floor(low / step - 0.5) * step;
  const to = Math.ceil(high / step + 0.5) * step;
  parts.push(
    renderMermaidSeriesChart(series, {
      title: "Predicted vs actual by decile of the prediction",
      x: { categories: Array.from({ length: count }, (_, i) => `decile ${i + 1}`) },
      y: { title: "mean value", from, to },
    }),
  );
  const header = [
    "decile",
    ...deciles.flatMap(([name]) => [`${name} n`, `${name} mean predicted`, `${name} mean actual`]),
  ];
  const rows = Array.from({ length: count }, (_, i) => [
    String(i + 1),
    ...deciles.flatMap(([, d]) => [
      String(d.sizes[i] ?? "—"),
      formatNumber(d.mean_predicted[i]),
      formatNumber(d.mean_actual[i]),
    ]),
  ]);
  parts.push(markdownTable([header, ...rows], { alignDelimiters: false }));
  return parts;
}
