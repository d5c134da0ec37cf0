import { formatNumber } from "../core/format-number.js";
import type { ModelHistory } from "../registry/model-history.js";
import { escapeMarkdown, sanitizeTerminalText } from "./escape-markdown.js";
import { renderSparkline } from "./render-sparkline.js";

/** What the history section shows beside the registry's versions: the candidate's values and the median rule's verdicts. */
export interface HistoryExtras {
  candidate?: Record<string, number | null>;
  /** Per metric: the median rule's verdict and allowed shortfall, when the policy sets one. */
  rule?: Record<string, { verdict: string; threshold: number }>;
  /** The report already shows the shortfall among its notes (evaluate-gate's result notes), so the section omits it. */
  shortfallInNotes?: boolean;
}

const short = (digest: string | null) => (digest === null ? "unrecorded" : `sha256:${digest.slice(0, 12)}`);

function rows(history: ModelHistory, extras: HistoryExtras, cell: (text: string) => string): string[][] {
  return history.metrics.map((metric) => {
    const series = history.comparable.map((v) => v.values[metric] ?? null);
    const candidate = extras.candidate?.[metric] ?? null;
    const spark = renderSparkline(extras.candidate ? [...series, candidate] : series);
    const rule = extras.rule?.[metric];
    return [
      cell(metric),
      ...series.map((value) => formatNumber(value)),
      formatNumber(history.median[metric] ?? null),
      ...(extras.candidate ? [formatNumber(candidate)] : []),
      spark || "—",
      ...(extras.rule
        ? [rule ? `${rule.verdict} (at most ${formatNumber(rule.threshold)} worse than the median)` : "—"]
        : []),
    ];
  });
}

function header(history: ModelHistory, extras: HistoryExtras, cell: (text: string) => string): string[] {
  return [
    "metric",
    ...history.comparable.map((v) => cell(v.version)),
    "median",
    ...(extras.candidate ? ["candidate"] : []),
    "trend",
    ...(extras.rule ? ["median rule"] : []),
  ];
}

/**
 * The history section of a report (markdown): each gated metric over the last N comparable versions that held the
 * stage, oldest first, their median, the candidate, a sparkline, the median rule's verdict when set; then the
 * versions listed apart with their reasons, and a note when fewer versions exist than asked for (unless the report's
 * notes carry it: `shortfallInNotes`).
 */
export function renderModelHistoryMarkdown(history: ModelHistory, extras: HistoryExtras = {}): string {
  const cell = (text: string) => escapeMarkdown(text, 80).replace(/\|/g, "\\|");
  const title = `#### History of ${cell(history.stage)}: last ${history.comparable.length} of ${history.window} comparable versions (evaluation data ${short(history.reference_sha256)})`;
  const lines = [title, ""];
  if (history.comparable.length > 0 || extras.candidate) {
    const head = header(history, extras, cell);
    lines.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
    for (const row of rows(history, extras, cell)) lines.push(`| ${row.join(" | ")} |`);
    lines.push("");
  }
  if (history.shortfall && !extras.shortfallInNotes) lines.push(`_${escapeMarkdown(history.shortfall)}_`, "");
  if (history.apart.length > 0) {
    lines.push("Not compared (other evaluation data, or none recorded):", "");
    for (const apart of history.apart) lines.push(`- ${cell(apart.version)}: ${escapeMarkdown(apart.reason)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** The same section for a terminal: aligned columns, then the versions apart and the shortfall. */
export function renderModelHistoryText(history: ModelHistory, extras: HistoryExtras = {}, indent = "  "): string {
  const cell = (text: string) => sanitizeTerminalText(text, 40);
  const table = [header(history, extras, cell), ...rows(history, extras, cell)];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => [...(row[col] ?? "")].length)));
  const lines = [
    `${indent}history of ${cell(history.stage)}: last ${history.comparable.length} of ${history.window} comparable versions (evaluation data ${short(history.reference_sha256)})`,
  ];
  if (history.comparable.length > 0 || extras.candidate) {
    for (const row of table)
      lines.push(
        `${indent}  ${row.map((text, col) => (col === 0 ? text.padEnd(widths[col]!) : text.padStart(widths[col]!))).join("  ")}`.trimEnd(),
      );
  }
  if (history.shortfall && !extras.shortfallInNotes)
    lines.push(`${indent}  ${sanitizeTerminalText(history.shortfall, 200)}`);
  for (const apart of history.apart)
    lines.push(`${indent}  not compared: ${cell(apart.version)}: ${sanitizeTerminalText(apart.reason, 200)}`);
  return `${lines.join("\n")}\n`;
}
