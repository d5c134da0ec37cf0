import { toDistinctMermaidLabels, toMermaidLabel, toMermaidNumber } from "./to-mermaid-label.js";

/** One metric's value for each model. */
export interface MetricValueRow {
  label: string;
  baseline: number;
  candidate: number;
}

const DEFAULT_MAX_METRICS = 12;

/**
 * A Mermaid `xychart-beta` bar chart of baseline and candidate values side by side, for metrics whose two values
 * both lie in [0, 1] (accuracy, f1, AUC, …: one honest shared 0–1 axis; others are left to the table). xychart
 * draws bar series on top of each other, so each metric gets two categories, "(base)" and "(cand)", and each
 * series is 0 in the other's categories: the two models get their own colours without hiding each other. Drawn
 * horizontally, so the names stand one per line instead of overlapping under the bars; the axis starts at 0.
 * Undefined when no metric qualifies.
 */
export function renderMermaidMetricChart(
  rows: readonly MetricValueRow[],
  title: string,
  maxMetrics = DEFAULT_MAX_METRICS,
): string | undefined {
  const inUnit = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;
  const shown = rows.filter((row) => inUnit(row.baseline) && inUnit(row.candidate)).slice(0, maxMetrics);
  if (shown.length === 0) return undefined;
  const names = toDistinctMermaidLabels(
    shown.map((row) => row.label),
    30,
  );
  const categories = names.flatMap((name) => [`${name} (base)`, `${name} (cand)`]);
  const baseline = shown.flatMap((row) => [toMermaidNumber(row.baseline), "0"]);
  const candidate = shown.flatMap((row) => ["0", toMermaidNumber(row.candidate)]);
  return [
    "```mermaid",
    "xychart-beta horizontal",
    `    title "${toMermaidLabel(title, 80)}"`,
    `    x-axis [${categories.map((category) => `"${category}"`).join(", ")}]`,
    `    y-axis "value" 0 --> 1`,
    `    bar [${baseline.join(", ")}]`,
    `    bar [${candidate.join(", ")}]`,
    "```",
  ].join("\n");
}
