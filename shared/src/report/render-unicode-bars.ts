import { sanitizeTerminalText } from "./escape-markdown.js";
import type { DeltaRow } from "./render-mermaid-delta-chart.js";

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * The plain-text twin of `renderMermaidDeltaChart`, for places that do not render Mermaid (terminals): one line per
 * row, a bar growing left of the axis "│" for a negative change and right of it for a positive one, scaled to the
 * largest |delta| over `width` characters per side, then the value as `format` prints it. Non-finite rows are skipped.
 */
export function renderUnicodeDeltaBars(rows: readonly DeltaRow[], format: (delta: number) => string, width = 20): string[] {
  const shown = rows.filter((row) => Number.isFinite(row.delta));
  if (shown.length === 0) return [];
  const largest = Math.max(...shown.map((row) => Math.abs(row.delta)));
  const labels = shown.map((row) => sanitizeTerminalText(row.label, 40));
  const labelWidth = Math.max(...labels.map((label) => [...label].length));
  return shown.map((row, i) => {
    const eighths = largest === 0 ? 0 : Math.round((Math.abs(row.delta) / largest) * width * 8);
    const bar = "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
    // Partial blocks only fill from the left, so the negative side uses whole blocks, rounded.
    const left = row.delta < 0 ? "█".repeat(Math.round(eighths / 8)) : "";
    const right = row.delta > 0 ? bar : "";
    return `${labels[i]!.padEnd(labelWidth)}  ${left.padStart(width)}│${right.padEnd(width)}  ${format(row.delta)}`.trimEnd();
  });
}
