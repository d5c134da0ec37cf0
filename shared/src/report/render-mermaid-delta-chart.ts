import { toDistinctMermaidLabels, toMermaidLabel, toMermaidNumber } from "./to-mermaid-label.js";

/** One bar of a delta chart: a name (metric, slice) and its signed change. */
export interface DeltaRow {
  label: string;
  delta: number;
}

export interface DeltaChartOptions {
  title: string;
  /** The y-axis title, e.g. "Δ accuracy" or "Δ % of baseline". */
  axisLabel: string;
  /** Bars drawn at most, in the order given (callers put the worst first). Default 20. */
  maxBars?: number;
}

const DEFAULT_MAX_BARS = 20;

/**
 * A Mermaid `xychart-beta` bar chart of signed changes (GitHub renders it in comments). Mermaid draws every bar up
 * from the bottom of the axis, so the axis is symmetric around 0 and a line at 0 marks no change: a bar reaching
 * above the line is a positive change, one ending below it a negative change. Rows with a non-finite delta are
 * left out; undefined when no row is left. Every label goes through `toMermaidLabel`.
 */
export function renderMermaidDeltaChart(rows: readonly DeltaRow[], options: DeltaChartOptions): string | undefined {
  const shown = rows.filter((row) => Number.isFinite(row.delta)).slice(0, options.maxBars ?? DEFAULT_MAX_BARS);
  if (shown.length === 0) return undefined;
  const bound = niceBound(Math.max(...shown.map((row) => Math.abs(row.delta))));
  const decimals = Math.max(6, 3 - Math.floor(Math.log10(bound)));
  const number = (value: number) => toMermaidNumber(value, decimals);
  const labels = toDistinctMermaidLabels(shown.map((row) => row.label));
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${toMermaidLabel(options.title, 80)}"`,
    `    x-axis [${labels.map((label) => `"${label}"`).join(", ")}]`,
    `    y-axis "${toMermaidLabel(options.axisLabel, 60)}" ${number(-bound)} --> ${number(bound)}`,
    `    bar [${shown.map((row) => number(row.delta)).join(", ")}]`,
    `    line [${shown.map(() => "0").join(", ")}]`,
    "```",
  ].join("\n");
}

/** The smallest 1, 2 or 5 × 10^k at least 5% above `value`, so the longest bar does not touch the frame; 1 for 0. */
export function niceBound(value: number): number {
  if (!(value > 0)) return 1;
  const target = value * 1.05;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 5, 10].find((m) => m * power >= target)!;
  return step * power;
}
