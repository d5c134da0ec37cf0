import type { GroupingAssessment } from "../fairness/assess-fairness.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber } from "../core/format-number.js";

const RATES = [
  ["selection_rate", "sel"],
  ["tpr", "TPR"],
  ["fpr", "FPR"],
] as const;

/**
 * A name made inert inside a Mermaid code block: letters, digits, spaces and a few marks only (no quote, bracket,
 * backtick or newline can end the string, the chart or the code fence), cut to 32 characters.
 */
export function toMermaidLabel(text: string): string {
  const cleaned = text.replace(/[^\p{L}\p{N} ._,:+×-]/gu, "_").replace(/\s+/g, " ").trim();
  return cleaned.length > 32 ? `${cleaned.slice(0, 31)}…` : cleaned;
}

/**
 * A Mermaid bar chart of each gated group's rate gaps (group rate − overall rate) for the selection rate, TPR and
 * FPR: one bar per group and rate, so the widest gaps stand out. Undefined rates are drawn as 0 and named below.
 * Returns "" when no group is gated.
 */
export function renderFairnessChart(grouping: GroupingAssessment): string {
  const labels: string[] = [];
  const values: number[] = [];
  const missing: string[] = [];
  for (const group of grouping.groups.filter((g) => g.gated)) {
    for (const [rate, short] of RATES) {
      const label = `${toMermaidLabel(group.name)} ${short}`;
      labels.push(JSON.stringify(label));
      const value = group.rates[rate];
      const overall = grouping.overall[rate];
      if (value === null || overall === null) missing.push(escapeMarkdown(label));
      values.push(value === null || overall === null ? 0 : value - overall);
    }
  }
  if (labels.length === 0) return "";
  const extreme = Math.max(0.05, ...values.map(Math.abs));
  const bound = formatNumber(Math.ceil(extreme * 20) / 20);
  const lines = [
    "```mermaid",
    "xychart-beta",
    `  title "Rate gaps by ${toMermaidLabel(grouping.name)} (group − overall)"`,
    `  x-axis [${labels.join(", ")}]`,
    `  y-axis "gap" -${bound} --> ${bound}`,
    `  bar [${values.map((v) => formatNumber(v)).join(", ")}]`,
    "```",
  ];
  if (missing.length > 0) lines.push("", `Undefined (drawn as 0): ${missing.join(", ")}.`);
  return lines.join("\n");
}
