import { escapeMarkdown } from "./escape-markdown.js";
import { toDistinctMermaidLabels, toMermaidLabel, toMermaidNumber } from "./to-mermaid-label.js";

/** One series of a chart: its name (for the caption and Mermaid's legend) and a value per x position. */
export interface ChartSeries {
  name: string;
  kind: "line" | "bar";
  values: readonly number[];
}

export interface SeriesChartOptions {
  title: string;
  /** A numeric x axis (title and range; values evenly spaced over it) or categories, one per value. */
  x: { title: string; from: number; to: number } | { categories: readonly string[] };
  y: { title: string; from?: number; to?: number };
}

/**
 * A Mermaid `xychart-beta` chart of one or more series sharing the x positions, with a caption naming each series in
 * drawing order (GitHub's Mermaid may draw no legend). The y axis starts at 0 unless given; its top is the given
 * value or a round bound above the largest value. Every label goes through `toMermaidLabel`; non-finite values are
 * refused by `toMermaidNumber`, so callers pass only drawn values.
 */
export function renderMermaidSeriesChart(series: readonly ChartSeries[], options: SeriesChartOptions): string {
  const from = options.y.from ?? 0;
  const to = options.y.to ?? niceBound(Math.max(...series.flatMap((s) => s.values), 0));
  const x =
    "categories" in options.x
      ? `[${toDistinctMermaidLabels(options.x.categories, 24)
          .map((c) => `"${c}"`)
          .join(", ")}]`
      : `"${toMermaidLabel(options.x.title, 60)}" ${toMermaidNumber(options.x.from)} --> ${toMermaidNumber(options.x.to)}`;
  const chart = [
    "```mermaid",
    "xychart-beta",
    `    title "${toMermaidLabel(options.title, 80)}"`,
    `    x-axis ${x}`,
    `    y-axis "${toMermaidLabel(options.y.title, 60)}" ${toMermaidNumber(from)} --> ${toMermaidNumber(to)}`,
    ...series.map(
      (s) => `    ${s.kind} "${toMermaidLabel(s.name, 40)}" [${s.values.map((v) => toMermaidNumber(v, 4)).join(", ")}]`,
    ),
    "```",
  ];
  const seen = { line: 0, bar: 0 };
  const caption = series.map((s) => {
    const nth = ++seen[s.kind];
    const noun = s.kind === "line" ? "line" : "bars";
    const single = series.filter((t) => t.kind === s.kind).length === 1;
    return `${single ? noun : `${noun} ${nth}`}: ${escapeMarkdown(s.name, 120)}`;
  });
  return `${chart.join("\n")}\n\n_Series in drawing order: ${caption.join("; ")}._`;
}

/** The smallest 1, 2 or 5 × 10^k at least 5% above `value`, so the highest point does not touch the frame; 1 for 0. */
export function niceBound(value: number): number {
  if (!(value > 0)) return 1;
  const target = value * 1.05;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 5, 10].find((m) => m * power >= target)!;
  return step * power;
}
