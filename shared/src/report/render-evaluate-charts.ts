import type { GateResult } from "../evaluate/gate-result.js";
import { RULE_NAMES } from "../evaluate/evaluate-policy-schema.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { formatPercent, formatSigned } from "../core/format-number.js";
import type { SignedBar } from "./render-signed-bars.js";
import { renderSignedBarsBlock } from "./render-signed-bars.js";
import type { MetricValueRow } from "./render-mermaid-metric-chart.js";
import { renderMermaidMetricChart } from "./render-mermaid-metric-chart.js";

/** Each metric once, gated ones first in report order, with both models' values when both are known. */
export function listMetricValues(result: GateResult): Array<MetricValueRow & { deltaPct: number | null }> {
  const metricRules: ReadonlySet<string> = new Set(RULE_NAMES);
  const seen = new Set<string>();
  const rows: Array<MetricValueRow & { deltaPct: number | null }> = [];
  for (const m of [
    ...result.checks.filter((c) => metricRules.has(c.rule) && c.slice === undefined),
    ...result.ungated,
  ]) {
    if (seen.has(m.metric) || m.value === null || m.baseline === null) continue;
    seen.add(m.metric);
    rows.push({ label: m.metric, baseline: m.baseline, candidate: m.value, deltaPct: m.delta_pct });
  }
  return rows;
}

/** The metric change of every metric with a nonzero baseline, as the terminal and the chart show it. */
export function listMetricChanges(result: GateResult): SignedBar[] {
  return listMetricValues(result).flatMap((row) =>
    row.deltaPct === null ? [] : [{ label: row.label, value: row.deltaPct }],
  );
}

/**
 * The largest |change| in percent the change chart spans; a change beyond it is cut at the edge with its value
 * beside it, so one metric's +636% cannot flatten every other bar.
 */
export const CHANGE_CHART_CAP_PCT = 50;

/**
 * The report's charts: every metric's change in percent of the baseline as diverging bars from a visible zero
 * (shown), then per-slice changes and the baseline vs candidate values on a 0–1 scale (folded). The folded charts
 * go first when the comment is over budget; none without a baseline.
 */
export function renderEvaluateChartBlocks(result: GateResult): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const changes = renderSignedBarsBlock(
    `**Change vs baseline** (percent of baseline; bars beyond ±${CHANGE_CHART_CAP_PCT}% are cut, marked « »)`,
    listMetricChanges(result),
    {
      format: (value) => formatPercent(value),
      cap: CHANGE_CHART_CAP_PCT,
    },
  );
  if (changes) blocks.push({ text: changes, dropOrder: 0.6 });
  const values = renderMermaidMetricChart(
    listMetricValues(result),
    "Baseline vs candidate (metrics on a 0 to 1 scale)",
  );
  const folded = [...renderSliceCharts(result), values].filter((chart): chart is string => chart !== undefined);
  if (folded.length > 0)
    blocks.push({
      text: `<details><summary>More charts</summary>\n\n${folded.join("\n\n")}\n\n</details>`,
      dropOrder: 0.5,
    });
  return blocks;
}

/** Per metric, each gated slice's change vs the baseline in metric units, worst slices first (the result's order). */
export function renderSliceCharts(result: GateResult): (string | undefined)[] {
  const slices = (result.slices ?? []).filter((s) => s.gated);
  const metrics = [...new Set(slices.flatMap((s) => s.metrics.map((m) => m.metric)))];
  return metrics.map((metric) => {
    const rows = slices.flatMap((s) => {
      const delta = s.metrics.find((m) => m.metric === metric)?.delta;
      return delta === null || delta === undefined ? [] : [{ label: s.slice, value: delta }];
    });
    return renderSignedBarsBlock(
      `Change vs baseline by slice: **${escapeMarkdown(metric)}** (candidate − baseline)`,
      rows,
      { format: (value) => formatSigned(value) },
    );
  });
}
