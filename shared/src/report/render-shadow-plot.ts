import { formatNumber } from "../core/format-number.js";
import type { ShadowSummary } from "../shadow/shadow-result.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { PLOTS_DROP_ORDER, PLOTS_LEFT_OUT } from "./plot-blocks.js";
import { renderMermaidSeriesChart } from "./render-mermaid-series-chart.js";

/**
 * shadow-compare's plots, folded: the score distributions of production and shadow on common bins (shares, from
 * zero), and the latency percentiles of both side by side. Dropped before any table when the comment is over budget.
 */
export function renderShadowPlotBlocks(summary: ShadowSummary): MarkdownBlock[] {
  const parts: string[] = [];
  const histogram = summary.scores?.histogram;
  if (histogram) {
    const { edges } = histogram;
    const categories = edges.slice(0, -1).map((_, i) => formatNumber((edges[i]! + edges[i + 1]!) / 2));
    parts.push(
      renderMermaidSeriesChart(
        [
          { name: "production share", kind: "bar", values: histogram.production_shares },
          { name: "shadow share", kind: "line", values: histogram.shadow_shares },
        ],
        { title: "Score distributions", x: { categories }, y: { title: "share of compared requests" } },
      ),
      `_Ten bins of width ${formatNumber(edges[1]! - edges[0]!)} from ${formatNumber(edges[0])} to ${formatNumber(edges.at(-1))}, labelled by their midpoints; ${summary.scores!.compared} requests with both scores._`,
    );
  }
  const percentiles = summary.latency?.percentiles ?? [];
  if (percentiles.length > 0) {
    const categories = percentiles.flatMap((p) => [`p${p.percent} production`, `p${p.percent} shadow`]);
    parts.push(
      renderMermaidSeriesChart(
        [
          { name: "production", kind: "bar", values: percentiles.flatMap((p) => [p.production, 0]) },
          { name: "shadow", kind: "bar", values: percentiles.flatMap((p) => [0, p.shadow]) },
        ],
        { title: "Latency percentiles", x: { categories }, y: { title: "latency (ms)" } },
      ),
    );
  }
  if (parts.length === 0) return [];
  const summaryText = `Plots: ${[histogram ? "score distributions" : "", percentiles.length > 0 ? "latency percentiles" : ""].filter(Boolean).join(", ")}`;
  return [
    {
      text: `<details><summary>${summaryText}</summary>\n\n${parts.join("\n\n")}\n\n</details>`,
      dropOrder: PLOTS_DROP_ORDER,
      leftOut: PLOTS_LEFT_OUT,
    },
  ];
}
