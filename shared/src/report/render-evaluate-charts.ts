import type { GateResult } from "../evaluate/gate-result.js";
import { RULE_NAMES } from "../evaluate/evaluate-policy-schema.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import type { DeltaRow } from "./render-mermaid-delta-chart.js";
import { renderMermaidDeltaChart } from "./render-mermaid-delta-chart.js";
import type { MetricValueRow } from "./render-mermaid-metric-chart.js";
import { renderMermaidMetricChart } from "./render-mermaid-metric-chart.js";

/** Each metric once, gated ones first in report order, with both models' values when both are known. */
export function listMetricValues(result: GateResult): Array<MetricValueRow & { deltaPct: number | null }> {
  const metricRules: ReadonlySet<string> = new Set(RULE_NAMES);
  const seen = new Set<string>();
  const rows: Array<MetricValueRow & { deltaPct: number | null }> = [];
  for (const m of [...result.checks.filter((c) => metricRules.has(c.rule) && c.slice === undefined), ...result.ungated]) {
    if (seen.has(m.metric) || m.value === null || m.baseline === null) continue;
    seen.add(m.metric);
    rows.push({ label: m.metric, baseline: m.baseline, candidate: m.value, deltaPct: m.delta_pct });
  }
  return rows;
}

/** The metric change of every metric with a nonzero baseline, as the terminal and the chart show it. */
export function listMetricChanges(result: GateResult): DeltaRow[] {
  return listMetricValues(result).flatMap((row) => (row.deltaPct === null ? [] : [{ label: row.label, delta: row.deltaPct }]));
}

/**
 * The report's charts, folded: baseline vs candidate values of the metrics on a 0–1 scale, and every metric's change
 * in percent of the baseline. The first block dropped when the comment is over budget; none without a baseline.
 */
export function renderEvaluateChartBlocks(result: GateResult): MarkdownBlock[] {
  const values = renderMermaidMetricChart(listMetricValues(result), "Baseline vs candidate (metrics on a 0 to 1 scale)");
  const changes = renderMermaidDeltaChart(listMetricChanges(result), { title: "Change vs baseline, in percent of baseline", axisLabel: "Δ percent" });
  const charts = [values, changes, ...renderSliceCharts(result)].filter((chart): chart is string => chart !== undefined);
  if (charts.length === 0) return [];
  return [{ text: `<details><summary>Charts</summary>\n\n${charts.join("\n\n")}\n\n</details>`, dropOrder: 0.5 }];
}

/** Per metric, each gated slice's change vs the baseline in metric units, worst slices first (the result's order). */
export function renderSliceCharts(result: GateResult): (string | undefined)[] {
  const slices = (result.slices ?? []).filter((s) => s.gated);
  const metrics = [...new Set(slices.flatMap((s) => s.metrics.map((m) => m.metric)))];
  return metrics.map((metric) => {
    const rows = slices.flatMap((s) => {
      const delta = s.metrics.find((m) => m.metric === metric)?.delta;
      return delta === null || delta === undefined ? [] : [{ label: s.slice, delta }];
    });
    return renderMermaidDeltaChart(rows, { title: `Change vs baseline by slice: ${metric}`, axisLabel: `Δ ${metric}` });
  });
}
