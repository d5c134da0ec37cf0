import { markdownTable } from "markdown-table";
import type { GateResult } from "../gates/gate-result.js";
import { describeRule } from "./describe-rule.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { formatNumber, formatPercent, formatSigned } from "./format-number.js";
import { renderEvaluateChartBlocks } from "./render-evaluate-charts.js";
import { renderExplanationBlocks } from "./render-explanations-markdown.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

const ALIGN = ["l", "r", "r", "r", "r", "l", "l"];

/**
 * The evaluate-gate report a reviewer reads first: verdict line, then one row per check with failed
 * rows first, details folded; the same markdown serves the PR comment and the job summary, and it
 * always fits `budget` characters.
 */
export function renderEvaluateMarkdown(result: GateResult, budget?: number): string {
  return fitMarkdown((limits) => buildBlocks(result, limits), budget);
}

function buildBlocks(result: GateResult, limits: FitLimits): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [{ text: renderHeader(result) }];
  blocks.push(...renderPolicyBlocks(result.policy));
  if (result.notes.length > 0) blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") });
  blocks.push({ text: renderCheckTable(result, limits.tableRows) });
  blocks.push(...renderEvaluateChartBlocks(result), ...renderExplanationBlocks(result.explanations));
  blocks.push({ text: renderReasons(result), dropOrder: 3 });
  if (result.ungated.length > 0) blocks.push({ text: renderUngated(result), dropOrder: 1 });
  blocks.push({ text: renderSubject(result), dropOrder: 2 });
  return blocks;
}

function renderHeader(result: GateResult): string {
  const key = escapeMarkdown(result.key);
  const files = `Candidate **${escapeMarkdown(result.files.candidate)}** vs baseline ${
    result.files.baseline === null ? "**none**" : `**${escapeMarkdown(result.files.baseline)}**`
  }`;
  return `### ${verdictLabel(result.verdict)} · evaluate-gate · ${key}\n${describeCounts(result.checks.map((c) => c.verdict))}. ${files}.`;
}

function renderCheckTable(result: GateResult, maxRows: number): string {
  const shown = result.checks.slice(0, maxRows);
  const rows = shown.map((c) => [
    escapeMarkdown(c.metric),
    formatNumber(c.baseline),
    formatNumber(c.value),
    formatSigned(c.delta),
    formatPercent(c.delta_pct),
    describeRule(c.rule, c.threshold),
    verdictLabel(c.verdict),
  ]);
  const table = markdownTable([["metric", "baseline", "candidate", "Δ", "Δ%", "rule", "result"], ...rows], {
    align: ALIGN,
    alignDelimiters: false,
  });
  const hidden = result.checks.length - shown.length;
  return hidden > 0 ? `${table}\n\n_${hidden} more check${hidden === 1 ? "" : "s"} not shown._` : table;
}

function renderReasons(result: GateResult): string {
  const lines = result.checks.map((c) => `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}** ${c.rule}: ${escapeMarkdown(c.message, 400)}`);
  return details("Why each check decided", lines.join("\n"));
}

function renderUngated(result: GateResult): string {
  const rows = result.ungated.map((m) => [escapeMarkdown(m.metric), formatNumber(m.baseline), formatNumber(m.value), formatSigned(m.delta), formatPercent(m.delta_pct)]);
  const table = markdownTable([["metric", "baseline", "candidate", "Δ", "Δ%"], ...rows], { align: ["l", "r", "r", "r", "r"], alignDelimiters: false });
  return details(`Other metrics, not gated (${result.ungated.length})`, table);
}

function renderSubject(result: GateResult): string {
  // Code-unit order, not localeCompare: the same bytes on every machine, and no ICU collator to load.
  const entries = Object.entries(result.subject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([name, value]) => `- ${name}: ${escapeMarkdown(String(value), 200)}`);
  return details("Subject", lines.join("\n"));
}

/** A folded section; the blank line after <summary> lets GitHub render the markdown inside. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
